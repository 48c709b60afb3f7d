package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private static final byte[] RECORD = ("{\"Id\":\"001000000000001AAA\",\"Name\":\"Acme Global Partners\","
            + "\"BillingCity\":\"Springfield\",\"Description\":\"" + "a long description that repeats ".repeat(20) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final PayloadCodec codec = new PayloadCodec(level(1));

    @Test
    void storedPayloadsAreSmallerAndReadBackUnchanged() {
        byte[] stored = codec.compress(RECORD);
        assertTrue(stored.length < RECORD.length / 2, stored.length + " of " + RECORD.length + " bytes");
        assertArrayEquals(RECORD, codec.decompress(stored));
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), codec.decompress(codec.compress("{}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void payloadsStoredAsRawDeflateBeforeZstdStillReadBack() {
        Deflater deflater = new Deflater(1, true);
        deflater.setInput(RECORD);
        deflater.finish();
        byte[] buffer = new byte[RECORD.length * 2];
        int length = deflater.deflate(buffer);
        deflater.end();
        assertArrayEquals(RECORD, codec.decompress(Arrays.copyOf(buffer, length)));
    }

    private static RestorePointConfig level(int level) {
        return (RestorePointConfig) Proxy.newProxyInstance(RestorePointConfig.class.getClassLoader(),
                new Class<?>[] {RestorePointConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("compressionLevel")) {
                        return level;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
