package dev.sfbackup.testing;

import java.security.SecureRandom;
import java.util.Base64;

/** Encryption keys in the form BACKUP_ENCRYPTION_KEY takes, for tests that start services with keys of their own. */
public final class EncryptionKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptionKeys() {
    }

    /** Base64 of 32 random bytes. */
    public static String random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
