package dev.sfbackup.session.restore.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdOffsetsTest {

    @Test
    void everyIdFindsItsOffsetAfterTheTableGrew() {
        IdOffsets offsets = new IdOffsets();
        for (int i = 0; i < 50_000; i++) {
            offsets.put(id(i), i * 100L);
        }
        assertEquals(50_000, offsets.size());
        for (int i = 0; i < 50_000; i += 7) {
            List<Long> found = new ArrayList<>();
            offsets.candidates(id(i), found::add);
            assertEquals(true, found.contains(i * 100L), id(i) + " → " + found);
        }
    }

    @Test
    void anIdNeverPutHasNoOffsetOrOnlyAnotherIdsUnderTheSameHash() {
        IdOffsets offsets = new IdOffsets();
        for (int i = 0; i < 1_000; i++) {
            offsets.put(id(i), i);
        }
        List<Long> found = new ArrayList<>();
        offsets.candidates("001000000000XYZAAA", found::add);
        assertEquals(List.of(), found);
    }

    @Test
    void idsSharingAHashAreAllHandedToTheCaller() {
        IdOffsets offsets = new IdOffsets();
        offsets.put("001000000000001AAA", 10);
        offsets.put("001000000000001AAA", 20); // the same hash twice stands for a collision
        List<Long> found = new ArrayList<>();
        offsets.candidates("001000000000001AAA", found::add);
        assertEquals(List.of(10L, 20L), found.stream().sorted().toList());
    }

    @Test
    void theHashNeverMarksAnEmptySlot() {
        for (int i = 0; i < 10_000; i++) {
            assertEquals(true, IdOffsets.hash(id(i)) != 0);
        }
    }

    private static String id(int i) {
        return String.format("001%012dAAA", i);
    }
}
