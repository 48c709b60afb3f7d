package dev.sfbackup.session.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonBodyTest {

    @Test
    void theUploadStreamsExactlyTheBodysBytesEveryTimeItIsSent() {
        byte[] first = "{\"Id\":\"1\"}\n{\"Id\":".getBytes();
        byte[] last = "\"2\"}\nleft over from an earlier batch".getBytes();
        NdjsonBody body = new NdjsonBody(List.of(first, last), first.length + 5);
        byte[] expected = "{\"Id\":\"1\"}\n{\"Id\":\"2\"}\n".getBytes();
        for (int attempt = 1; attempt <= 2; attempt++) {
            List<Buffer> sent = body.buffers().collect().asList().await().indefinitely();
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            sent.forEach(buffer -> streamed.writeBytes(buffer.getBytes()));
            assertArrayEquals(expected, streamed.toByteArray(), "attempt " + attempt);
            assertEquals(2, sent.size());
        }
    }
}
