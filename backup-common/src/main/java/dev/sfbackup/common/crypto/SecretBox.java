package dev.sfbackup.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM. Sealed values read "v1:" + base64(nonce || ciphertext || tag).
 * The associated data binds a sealed value to its owner (for example a connection id), so it cannot be moved to another row.
 * <p>
 * During a key rotation the box holds the new (current) key and the previous one: it seals with the current key and
 * opens with either, and {@link #resealIfPrevious} moves a value from the previous key to the current one.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec current;
    private final List<SecretKeySpec> previous;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(SecretKeySpec current, List<SecretKeySpec> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
    }

    /** @param base64Key 32 random bytes, base64-encoded (for example: head -c32 /dev/urandom | base64) */
    public static SecretBox fromBase64Key(String base64Key) {
        return new SecretBox(key(base64Key, "the encryption key"), List.of());
    }

    /** The current key and, while a rotation is under way, the previous one (absent or blank: none). */
    public static SecretBox fromBase64Keys(String current, Optional<String> previous) {
        List<SecretKeySpec> older = new ArrayList<>();
        previous.filter(key -> !key.isBlank()).ifPresent(key -> older.add(key(key, "the previous encryption key")));
        SecretKeySpec currentKey = key(current, "the encryption key");
        if (older.stream().anyMatch(key -> java.util.Arrays.equals(key.getEncoded(), currentKey.getEncoded()))) {
            throw new IllegalArgumentException("the previous encryption key is the current one; set the new key as the"
                    + " encryption key and the old one as the previous key");
        }
        return new SecretBox(currentKey, older);
    }

    private static SecretKeySpec key(String base64Key, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be base64 of 32 random bytes (head -c32 /dev/urandom | base64); it is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes (base64 of 32 random bytes), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether values sealed with a previous key are still accepted (a rotation is under way). */
    public boolean hasPreviousKey() {
        return !previous.isEmpty();
    }

    public String seal(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret", e);
        }
    }

    public String open(String sealedValue, String associatedData) {
        byte[] in = decode(sealedValue);
        Optional<String> opened = open(in, current, associatedData);
        for (int i = 0; opened.isEmpty() && i < previous.size(); i++) {
            opened = open(in, previous.get(i), associatedData);
        }
        return opened.orElseThrow(() -> new IllegalStateException("cannot decrypt secret: wrong encryption key or tampered value"));
    }

    /**
     * The value sealed anew with the current key when it is sealed with a previous one; empty when it already is sealed
     * with the current key. Throws when no key opens it.
     */
    public Optional<String> resealIfPrevious(String sealedValue, String associatedData) {
        if (open(decode(sealedValue), current, associatedData).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(seal(open(sealedValue, associatedData), associatedData));
    }

    private static byte[] decode(String sealedValue) {
        if (!sealedValue.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret (expected prefix " + PREFIX + ")");
        }
        return Base64.getDecoder().decode(sealedValue.substring(PREFIX.length()));
    }

    /** Empty when the key does not open the value (wrong key or tampered). */
    private static Optional<String> open(byte[] in, SecretKeySpec key, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (AEADBadTagException wrongKeyOrTampered) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret", e);
        }
    }
}
