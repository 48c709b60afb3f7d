package dev.sfbackup.storage.erasure;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an erasure removed, kept after it: ids and hashes only, never a value. status COMPLETED, or INCOMPLETE when a
 * repository could not be rewritten (its problem is in the repository's entry; the records and file rows are gone): the
 * rewrite is retried every {@code backup.erasure.retry-every} (5m) until it succeeds, and the erasure becomes COMPLETED.
 */
@RegisterForReflection
public record ErasureReport(UUID id, UUID policyId, String object, String criterion, String requestedBy, Instant requestedAt,
        Instant completedAt, String status, List<ErasedRecord> records, List<ErasedFile> files,
        List<RewrittenRepository> repositories, List<ReplacedDictionary> dictionaries) {

    /** One record: the object it was stored as, how many versions were removed and their content hashes (hex). */
    @RegisterForReflection
    public record ErasedRecord(String object, String recordId, int versions, List<String> contentHashes) {
    }

    /** One stored file body: its storage id, its Salesforce id, its SHA-256 and restore point. */
    @RegisterForReflection
    public record ErasedFile(UUID fileId, String sourceId, String sha256, UUID restorePointId, UUID repositoryId) {
    }

    /**
     * A compression dictionary trained on an erased record: deleted after its payloads were re-encoded with the
     * replacement (null: compressed record by record); problem is null when that finished.
     */
    @RegisterForReflection
    public record ReplacedDictionary(int dictionaryId, Integer replacementId, long payloadsReencoded, String problem) {
    }

    /** A repository whose packs were rewritten; problem is null when it succeeded. */
    @RegisterForReflection
    public record RewrittenRepository(UUID repositoryId, int chunksRemoved, int packsRewritten, int indexFilesRewritten,
            String problem) {
    }
}
