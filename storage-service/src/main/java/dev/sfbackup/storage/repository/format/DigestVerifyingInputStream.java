package dev.sfbackup.storage.repository.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes through and, at the end of the stream, fails if their SHA-256 is not the expected one. */
final class DigestVerifyingInputStream extends FilterInputStream {

    private final MessageDigest digest = ContentRepository.sha256();
    private final String expected;
    private boolean checked;

    DigestVerifyingInputStream(InputStream in, String expectedSha256) {
        super(in);
        this.expected = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
        } else {
            check();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            CryptoSlices.update(digest, buffer, offset, n);
        } else if (n < 0) {
            check();
        }
        return n;
    }

    private void check() {
        if (!checked) {
            checked = true;
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw new CorruptDataException("file content hash " + actual + " does not match the recorded " + expected);
            }
        }
    }
}
