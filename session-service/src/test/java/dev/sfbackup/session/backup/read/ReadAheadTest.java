package dev.sfbackup.session.backup.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** count records, one API call per 100 of them; fails instead of giving record failAt (-1: never). */
    private static final class Numbered implements RecordSource {
        private final int count;
        private final int failAt;
        private int read;
        private volatile boolean closed;

        Numbered(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            return read < count;
        }

        @Override
        public NormalizedRecord next() {
            if (read == failAt) {
                throw new IllegalStateException("page " + read / 100 + " broke");
            }
            String id = "r" + read++;
            return new NormalizedRecord(id, new String[] {"Id"}, new Object[] {id});
        }

        @Override
        public long apiCalls() {
            return (read + 99) / 100;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void everyRecordArrivesOnceInOrderAndTheApiCallsAddUp() {
        Numbered source = new Numbered(10_000, -1);
        List<String> ids = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(source)) {
            while (ahead.hasNext()) {
                ids.add(ahead.next().id());
            }
            assertEquals(100, ahead.apiCalls());
        }
        assertEquals(10_000, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals("r" + i, ids.get(i));
        }
        assertTrue(source.closed);
    }

    @Test
    void aReadFailureReachesTheTaskAfterTheRecordsBeforeIt() {
        List<String> ids = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(new Numbered(10_000, 1234))) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
                while (ahead.hasNext()) {
                    ids.add(ahead.next().id());
                }
            });
            assertEquals("page 12 broke", failure.getMessage());
        }
        assertEquals(1234, ids.size());
    }

    @Test
    void closingBeforeTheEndStopsTheReaderAndClosesTheSource() {
        Numbered source = new Numbered(1_000_000, -1);
        try (ReadAhead ahead = new ReadAhead(source)) {
            assertEquals("r0", ahead.next().id());
        }
        assertTrue(source.closed);
    }
}
