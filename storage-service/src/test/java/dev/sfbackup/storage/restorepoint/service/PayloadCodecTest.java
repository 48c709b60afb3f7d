package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private static final byte[] RECORD = ("{\"Id\":\"001000000000001AAA\",\"Name\":\"Acme Global Partners\","
            + "\"BillingCity\":\"Springfield\",\"Description\":\"" + "a long description that repeats ".repeat(20) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final Map<Integer, byte[]> dictionaries = new HashMap<>();
    private final PayloadCodec codec = new PayloadCodec(level(1), id -> new ZstdDictDecompress(dictionaries.get(id)));

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

    @Test
    void aDictionaryTrainedOnTheStreamsMaskedRecordsMakesPayloadsSmallerAndTheyReadBackUnchanged() {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(record(i));
        }
        ZstdDictTrainer trainer = new ZstdDictTrainer(1 << 22, 16384);
        records.forEach(record -> trainer.addSample(ValueMask.mask(record)));
        dictionaries.put(300, trainer.trainSamples());
        PayloadDictionary dictionary = new PayloadDictionary(300, new ZstdDictCompress(dictionaries.get(300), 1));

        byte[] next = record(5000);
        byte[] alone = codec.compress(next);
        byte[] withDictionary = codec.compress(next, dictionary);
        assertEquals(PayloadCodec.DICTIONARY_FORMAT, withDictionary[0]);
        assertTrue(withDictionary.length < alone.length * 3 / 4, withDictionary.length + " bytes with the dictionary, " + alone.length + " without");
        assertArrayEquals(next, codec.decompress(withDictionary));
        assertArrayEquals(next, codec.decompress(alone), "payloads compressed alone still read back");
        assertArrayEquals(RECORD, codec.decompress(codec.compress(RECORD, null)));
        byte[] empty = new byte[0];
        assertArrayEquals(empty, codec.decompress(codec.compress(empty, dictionary)));

        // a record in the middle of a batch's bytes, with and without the dictionary
        byte[] batch = (new String(RECORD, StandardCharsets.UTF_8) + "\n" + new String(next, StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        int from = RECORD.length + 1;
        assertArrayEquals(next, codec.decompress(codec.compress(batch, from, from + next.length, dictionary)));
        assertArrayEquals(next, codec.decompress(codec.compress(batch, from, from + next.length, null)));
    }

    @Test
    void payloadsOfTwoDictionariesInterleavedReadBackWithTheirOwn() {
        Map<Integer, ZstdDictDecompress> digested = new HashMap<>();
        PayloadCodec cached = new PayloadCodec(level(1), digested::get);
        List<PayloadDictionary> both = new ArrayList<>();
        for (int id : new int[] {7, 8}) {
            ZstdDictTrainer trainer = new ZstdDictTrainer(1 << 22, 16384);
            for (int i = 0; i < 1000; i++) {
                byte[] record = record(i + id * 10_000);
                trainer.addSample(id == 7 ? record : ValueMask.mask(record));
            }
            byte[] trained = trainer.trainSamples();
            digested.put(id, new ZstdDictDecompress(trained));
            both.add(new PayloadDictionary(id, new ZstdDictCompress(trained, 1)));
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            payloads.add(cached.compress(record(50_000 + i), both.get(i % 2)));
        }
        for (int i = 5; i >= 0; i--) {
            assertArrayEquals(record(50_000 + i), cached.decompress(payloads.get(i)));
        }
        assertArrayEquals(record(1), cached.decompress(cached.compress(record(1), both.get(1))));
    }

    @Test
    void aDictionaryTrainedOnMaskedRecordsHoldsNoneOfTheirValues() {
        ZstdDictTrainer trainer = new ZstdDictTrainer(1 << 22, 16384);
        for (int i = 0; i < 1000; i++) {
            trainer.addSample(ValueMask.mask(record(i)));
        }
        String dictionary = new String(trainer.trainSamples(), StandardCharsets.ISO_8859_1);
        for (String value : List.of("Paris", "Austin", "Banking", "renewal", "Company", "2026-01-0")) {
            assertTrue(!dictionary.contains(value), "the dictionary holds the value " + value);
        }
        assertTrue(dictionary.contains("BillingCity"), "the dictionary holds the field names");
    }

    /** A record of one object: the same fields, values that vary the way an org's do. */
    private static byte[] record(int i) {
        Random random = new Random(i);
        return ("{\"AnnualRevenue\":" + random.nextInt(1_000_000) + ",\"BillingCity\":\"" + List.of("Paris", "Lyon", "Austin").get(random.nextInt(3))
                + "\",\"Description\":\"" + "renewal pipeline partner ".repeat(1 + random.nextInt(5)) + "\",\"Id\":\"001" + String.format("%015d", i)
                + "\",\"Industry\":\"Banking\",\"Name\":\"Company " + i + "\",\"SystemModstamp\":\"2026-01-0" + (1 + random.nextInt(9))
                + "T10:00:00.000Z\"}").getBytes(StandardCharsets.UTF_8);
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
