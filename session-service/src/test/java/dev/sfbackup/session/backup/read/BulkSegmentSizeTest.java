package dev.sfbackup.session.backup.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BulkSegmentSizeTest {

    @Test
    void eachTimeoutQuartersTheSegmentsDownToTheMinimumThenGivesUp() {
        BulkSegmentSize size = new BulkSegmentSize(500_000, 1000, 10);
        int[] expected = {125_000, 31_250, 7812, 1953, 1000};
        for (int records : expected) {
            assertTrue(size.shrink());
            assertEquals(records, size.records());
        }
        assertFalse(size.shrink(), "a segment of the minimum size that times out ends the read");
        assertEquals(5, size.timeouts());
    }

    @Test
    void givesUpAfterTheAllowedNumberOfTimeoutsEvenAboveTheMinimum() {
        BulkSegmentSize size = new BulkSegmentSize(500_000, 1000, 2);
        assertTrue(size.shrink());
        assertTrue(size.shrink());
        assertFalse(size.shrink());
        assertEquals(31_250, size.records());
    }
}
