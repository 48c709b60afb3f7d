package dev.sfbackup.session.backup.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonPlainBytesTest {

    @Test
    void aRunEndsAtTheFirstByteTheByteByByteTestCallsNotPlain() {
        Random random = new Random(17);
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // mostly plain ASCII, now and then any byte at all
                bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x5F));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertEquals(byteByByte(bytes, from), JsonPlainBytes.endOfRun(bytes, from, bytes.length));
        }
    }

    @Test
    void everyByteValueIsFoundInEachPositionOfAWord() {
        for (int value = 0; value < 256; value++) {
            for (int position = 0; position < 16; position++) {
                byte[] bytes = "abcdefghijklmnopqrstuvwx".getBytes();
                bytes[position] = (byte) value;
                assertEquals(byteByByte(bytes, 0), JsonPlainBytes.endOfRun(bytes, 0, bytes.length), "byte " + value + " at " + position);
            }
        }
    }

    private static int byteByByte(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && JsonPlainBytes.isPlain(bytes[i])) {
            i++;
        }
        return i;
    }
}
