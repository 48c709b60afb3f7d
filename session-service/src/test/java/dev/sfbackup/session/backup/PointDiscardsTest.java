package dev.sfbackup.session.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real database; storage-service is unreachable in the test profile (port 9). */
@QuarkusTest
class PointDiscardsTest {

    @Inject
    PointDiscards discards;

    @Inject
    EntityManager em;

    @Test
    void aCommitStorageCouldNotTakeLeavesTheUnfinishedPointToBeDiscardedOnceStorageIsBack() {
        UUID pointId = UUID.randomUUID();

        assertThrows(RuntimeException.class, () -> discards.commitOrDiscard(pointId, new CommitRestorePoint(null, null)));

        assertEquals(1, pendingDiscards(pointId), "the point's discard is recorded for the retries");
    }

    @Test
    void anOpenStorageDidNotAnswerLeavesThePointItMayHaveOpenedToBeDiscardedOnceStorageIsBack() {
        UUID pointId = UUID.randomUUID();
        OpenRestorePoint request = new OpenRestorePoint(pointId, UUID.randomUUID(), UUID.randomUUID(), "00D000000000001EAA",
                "Account", RestorePointKind.INITIAL, null, null, null);

        assertThrows(RuntimeException.class, () -> discards.openOrDiscard(request));

        assertEquals(1, pendingDiscards(pointId), "the chosen id's discard is recorded for the retries");
    }

    private long pendingDiscards(UUID pointId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM pending_discard WHERE point_id = ?1").setParameter(1, pointId).getSingleResult()).longValue());
    }
}
