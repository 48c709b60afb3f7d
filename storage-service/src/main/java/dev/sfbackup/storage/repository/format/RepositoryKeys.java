package dev.sfbackup.storage.repository.format;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-repository master keys, generated at init: a 32-byte HMAC-SHA-256 key that names chunks, a 32-byte AES-256-GCM
 * key that encrypts everything else, and the seed of the chunker's gear table (so cut points reveal nothing either).
 */
public record RepositoryKeys(byte[] hmacKey, byte[] aesKey, long chunkerSeed) {

    public static RepositoryKeys generate() {
        SecureRandom random = new SecureRandom();
        byte[] hmac = new byte[32];
        byte[] aes = new byte[32];
        random.nextBytes(hmac);
        random.nextBytes(aes);
        return new RepositoryKeys(hmac, aes, random.nextLong());
    }

    /** 256 pseudo-random 64-bit values from the seed (SplittableRandom is specified, so every reader derives the same table). */
    public long[] gearTable() {
        SplittableRandom random = new SplittableRandom(chunkerSeed);
        long[] gear = new long[256];
        for (int i = 0; i < gear.length; i++) {
            gear[i] = random.nextLong();
        }
        return gear;
    }

    public Mac newChunkMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String chunkId(Mac mac, byte[] data, int offset, int length) {
        CryptoSlices.update(mac, data, offset, length);
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
