package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void addsTheCountInBase62AsSalesforcePkChunkingDoes() {
        // the boundaries of Salesforce's documented PK chunking example: chunks of 250,000 from 001300000000000
        assertEquals(Optional.of("00130000000132G"), RecordIds.plus("001300000000000", 250_000));
        assertEquals(Optional.of("00130000000264W"), RecordIds.plus("00130000000132G", 250_000));
    }

    @Test
    void acceptsEighteenCharacterIdsAndAnswersFifteen() {
        assertEquals(Optional.of("001Dn000000000A"), RecordIds.plus("001Dn0000000001AAA", 9));
        assertEquals(Optional.of("001Dn0000000010"), RecordIds.plus("001Dn000000000z", 1));
    }

    @Test
    void aRangePastTheLastIdHasNoUpperEnd() {
        assertEquals(Optional.of("001Dnzzzzzzzzzz"), RecordIds.plus("001Dnzzzzzzzzzy", 1));
        assertEquals(Optional.empty(), RecordIds.plus("001Dnzzzzzzzzzy", 2));
    }

    @Test
    void refusesWhatIsNoId() {
        assertThrows(IllegalArgumentException.class, () -> RecordIds.plus("001", 1));
        assertThrows(IllegalArgumentException.class, () -> RecordIds.plus("001Dn00000000-1", 1));
    }
}
