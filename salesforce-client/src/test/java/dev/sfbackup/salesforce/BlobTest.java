package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlobTest {

    private static final int SIZE = 8 * 1024 * 1024;

    private final RecordedOrg org = new RecordedOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void aBlobBodyIsReadAsAStreamWithTheExactBytes() throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        org.on("GET /services/data/v62.0/sobjects/ContentVersion/068D00000000pgOIAQ/VersionData",
                Reply.streamed("application/octetstream", out -> {
                    byte[] block = new byte[64 * 1024];
                    for (int written = 0; written < SIZE; written += block.length) {
                        java.util.Arrays.fill(block, (byte) (written / block.length));
                        sent.update(block);
                        out.write(block);
                    }
                }));

        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream body = org.connect(RecordedOrg.fastOptions())
                .openBlob("ContentVersion", "068D00000000pgOIAQ", "VersionData")) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = body.read(buffer)) > 0; total += n) {
                received.update(buffer, 0, n);
            }
        }

        assertEquals(SIZE, total);
        assertEquals(HexFormat.of().formatHex(sent.digest()), HexFormat.of().formatHex(received.digest()));
    }

    @Test
    void aMissingBlobIsAPermanentError() {
        SalesforceException error = assertThrows(SalesforceException.class, () -> org.connect(RecordedOrg.fastOptions())
                .openBlob("Attachment", "00PD000000000000AA", "Body"));

        assertEquals(404, error.httpStatus());
    }
}
