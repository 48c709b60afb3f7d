package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UploadTimeoutTest {

    private final RecordedOrg org = new RecordedOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void anUploadMayTakeTheRequestTimeoutPlusItsSizeAtTheSlowestRateAllowed() {
        ConnectionOptions options = ConnectionOptions.defaults();
        long twoGigabytes = 2L * 1024 * 1024 * 1024;

        Duration timeout = options.uploadTimeout(twoGigabytes);

        assertEquals(options.requestTimeout().plusSeconds(twoGigabytes / ConnectionOptions.DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND), timeout);
        assertTrue(timeout.compareTo(Duration.ofHours(2)) > 0, "a 2 GB body gets over two hours, got " + timeout);
        assertEquals(options.requestTimeout().plusSeconds(1), options.uploadTimeout(1));
    }

    @Test
    void aBodyThatTakesLongerThanTheRequestTimeoutToSendIsNotCut() {
        org.on("POST /services/data/v62.0/sobjects/Attachment", Reply.json(201, "rest/create-attachment.json"));
        // 64 KiB sent in 8 slices 150 ms apart (over a second) against a 300 ms request timeout; 16 KiB/s allows 4 s more
        ConnectionOptions options = RecordedOrg.fastOptions().withRequestTimeouts(Duration.ofMillis(300), 16 * 1024);
        int size = 64 * 1024;

        String id = org.connect(options).insertWithBody("Attachment", new ObjectMapper().createObjectNode().put("Name", "slow.bin")
                .put("ParentId", "001D000000IqhSLIAZ"), "Body", "slow.bin", size, () -> new SlowBody(size, 8, 150));

        assertEquals("00PD000000Jx5aIMAR", id);
        assertEquals(1, org.received("POST", "/services/data/v62.0/sobjects/Attachment").size(), "sent once, not cut and retried");
    }

    /** A body that arrives slowly, as over a thin link: {@code slices} equal parts with a pause before each. */
    private static final class SlowBody extends InputStream {
        private final int size;
        private final int slice;
        private final long pauseMillis;
        private int sent;

        SlowBody(int size, int slices, long pauseMillis) {
            this.size = size;
            this.slice = size / slices;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent >= size) {
                return -1;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            int n = Math.min(Math.min(length, slice), size - sent);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            sent += n;
            return n;
        }
    }
}
