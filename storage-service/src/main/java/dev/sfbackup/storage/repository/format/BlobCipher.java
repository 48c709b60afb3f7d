package dev.sfbackup.storage.repository.format;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a random 96-bit nonce: sealed = nonce(12) || ciphertext || tag(16). The associated data binds a blob to its name. */
public final class BlobCipher {

    public static final int NONCE_BYTES = 12;
    public static final int OVERHEAD = NONCE_BYTES + 16;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public BlobCipher(byte[] aesKey) {
        this.key = new SecretKeySpec(aesKey, "AES");
    }

    public byte[] seal(byte[] plain, int offset, int length, String associatedData) {
        try {
            byte[] out = new byte[NONCE_BYTES + length + 16];
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.US_ASCII));
            CryptoSlices.encrypt(cipher, plain, offset, length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** @throws CorruptDataException when the blob was altered or belongs elsewhere */
    public byte[] open(byte[] sealed, String associatedData) {
        if (sealed.length < OVERHEAD) {
            throw new CorruptDataException("sealed blob too short: " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new CorruptDataException("authentication failed for " + associatedData + ": data damaged or tampered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt", e);
        }
    }
}
