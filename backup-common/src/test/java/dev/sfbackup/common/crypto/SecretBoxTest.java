package dev.sfbackup.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void duringARotationValuesOfTheOldKeyOpenAndAreResealedForTheNewOneAlone() {
        String oldKey = key();
        String newKey = key();
        String sealedWithOld = SecretBox.fromBase64Key(oldKey).seal("client secret", "connection:1:clientSecret");
        SecretBox newOnly = SecretBox.fromBase64Key(newKey);
        assertThrows(IllegalStateException.class, () -> newOnly.open(sealedWithOld, "connection:1:clientSecret"));

        SecretBox rotating = SecretBox.fromBase64Keys(newKey, Optional.of(oldKey));
        assertEquals("client secret", rotating.open(sealedWithOld, "connection:1:clientSecret"));
        String resealed = rotating.resealIfPrevious(sealedWithOld, "connection:1:clientSecret").orElseThrow();
        assertEquals("client secret", newOnly.open(resealed, "connection:1:clientSecret"));
        assertTrue(rotating.resealIfPrevious(resealed, "connection:1:clientSecret").isEmpty(), "already sealed with the new key");
    }

    @Test
    void aValueMovedToAnotherOwnerOrSealedWithAnUnknownKeyDoesNotOpen() {
        SecretBox box = SecretBox.fromBase64Keys(key(), Optional.of(key()));
        String sealed = box.seal("s", "connection:1:clientSecret");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "connection:2:clientSecret"));
        String foreign = SecretBox.fromBase64Key(key()).seal("s", "connection:1:clientSecret");
        assertThrows(IllegalStateException.class, () -> box.resealIfPrevious(foreign, "connection:1:clientSecret"));
    }

    @Test
    void thePreviousKeyMustDifferFromTheCurrentOneAndBeAKey() {
        String same = key();
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromBase64Keys(same, Optional.of(same)));
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> SecretBox.fromBase64Keys(key(), Optional.of("not-a-key!")));
        assertTrue(notBase64.getMessage().contains("previous encryption key"));
        assertTrue(!notBase64.getMessage().contains("not-a-key"), "the message never repeats a key");
        assertTrue(SecretBox.fromBase64Keys(key(), Optional.of(" ")).hasPreviousKey() == false);
    }
}
