package dev.sfbackup.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /sobjects/{T}/deleted/?start=&end=}. Use {@code latestDateCovered} as the next start;
 * when {@code earliestDateAvailable} is after the requested start the delete log was purged and a full compare is needed.
 */
public record DeletedRecords(List<DeletedRecord> deletedRecords, Instant earliestDateAvailable,
                             Instant latestDateCovered) {

    public DeletedRecords {
        deletedRecords = deletedRecords == null ? List.of() : List.copyOf(deletedRecords);
    }

    public record DeletedRecord(String id, Instant deletedDate) {
    }
}
