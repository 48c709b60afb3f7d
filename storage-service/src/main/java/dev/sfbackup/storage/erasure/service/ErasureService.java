package dev.sfbackup.storage.erasure.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.erasure.ErasureReport;
import dev.sfbackup.storage.erasure.ErasureReport.ErasedRecord;
import dev.sfbackup.storage.erasure.ErasureReport.ReplacedDictionary;
import dev.sfbackup.storage.erasure.ErasureReport.RewrittenRepository;
import dev.sfbackup.storage.erasure.ErasureRequest;
import dev.sfbackup.storage.erasure.repository.ErasureStore;
import dev.sfbackup.storage.erasure.repository.ErasureStore.FileToErase;
import dev.sfbackup.storage.erasure.repository.ErasureStore.PendingRewrite;
import dev.sfbackup.storage.file.persistence.StoredFiles;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.service.RepositoryService;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.RetiredDictionaryStore;
import dev.sfbackup.storage.restorepoint.service.DictionaryReplacement;
import dev.sfbackup.storage.restorepoint.service.PayloadCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Right to be forgotten: removes every stored version of the chosen records from every restore point of a policy,
 * with the file bodies they own (their own ContentVersions, those linked to them by ContentDocumentLink, and their
 * Attachments, found by ParentId), in one
 * database transaction; then the repositories drop the chunks no other file uses by rewriting the packs that held them.
 * Irreversible. The report keeps ids and hashes only.
 */
@ApplicationScoped
public class ErasureService {

    static final String CONTENT_VERSION = "ContentVersion";
    static final String CONTENT_DOCUMENT_LINK = "ContentDocumentLink";
    static final String ATTACHMENT = "Attachment";
    static final String COMPLETED = "COMPLETED";
    static final String INCOMPLETE = "INCOMPLETE";

    private final ErasureStore store;
    private final PayloadCodec codec;
    private final RestorePointConfig config;
    private final StoredFiles storedFiles;
    private final RepositoryService repositories;
    private final DictionaryReplacement dictionaries;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ErasureService(ErasureStore store, PayloadCodec codec, RestorePointConfig config, StoredFiles storedFiles,
            RepositoryService repositories, DictionaryReplacement dictionaries, Clock clock, ObjectMapper mapper) {
        this.store = store;
        this.codec = codec;
        this.config = config;
        this.storedFiles = storedFiles;
        this.repositories = repositories;
        this.dictionaries = dictionaries;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The checked request, for the caller's org check before anything is erased. */
    public static UUID policyOf(ErasureRequest request) {
        return ErasureCriteria.of(request).policyId();
    }

    public ErasureReport erase(ErasureRequest request, String requestedBy) throws SQLException, IOException {
        ErasureCriteria criteria = ErasureCriteria.of(request);
        UUID id = UUID.randomUUID();
        Instant requestedAt = clock.instant();
        Removed removed = store.inTransaction(c -> {
            Removed rows = removeRows(c, id, criteria, requestedBy, requestedAt);
            store.insert(c, id, criteria.policyId(), criteria.object(), criteria.describe(), requestedBy, requestedAt,
                    json(rows.report()));
            return rows;
        });
        ErasureReport erased = removed.report();
        List<ReplacedDictionary> replaced = replaceDictionaries();
        List<RewrittenRepository> rewritten = new ArrayList<>();
        for (PendingRewrite owed : owedRewrites(id, removed.files())) {
            RewrittenRepository outcome = rewrite(owed);
            rewritten.add(outcome);
            if (outcome.problem() != null) {
                store.addPending(owed);
            }
        }
        boolean complete = rewritten.stream().allMatch(r -> r.problem() == null) && replaced.stream().allMatch(d -> d.problem() == null);
        ErasureReport report = new ErasureReport(id, erased.policyId(), erased.object(), erased.criterion(), requestedBy,
                requestedAt, complete ? clock.instant() : null, complete ? COMPLETED : INCOMPLETE, erased.records(), erased.files(),
                rewritten, replaced);
        store.complete(id, report.completedAt(), json(report));
        return report;
    }

    /**
     * Finishes what INCOMPLETE erasures still owe: the dictionaries left retired (replaced first) and the repository
     * rewrites whose repository was unreachable; an erasure that owes nothing more becomes COMPLETED. Answers how many
     * rewrites succeeded.
     */
    public int retryIncomplete() throws SQLException {
        boolean dictionariesReplaced = replaceDictionaries().stream().allMatch(d -> d.problem() == null);
        int done = 0;
        for (PendingRewrite owed : store.pending()) {
            RewrittenRepository outcome = rewrite(owed);
            int stillOwed = store.settlePending(owed, outcome.problem() == null);
            done += outcome.problem() == null ? 1 : 0;
            ErasureReport before = report(owed.erasureId());
            List<RewrittenRepository> repositories = new ArrayList<>(before.repositories());
            repositories.replaceAll(r -> r.repositoryId().equals(owed.repositoryId()) ? outcome : r);
            boolean complete = stillOwed == 0 && (dictionariesReplaced || !lacksDictionaries(before));
            store.complete(owed.erasureId(), complete ? clock.instant() : null, json(settled(before, repositories, complete)));
        }
        if (dictionariesReplaced) {
            for (UUID id : store.incompleteWithoutPending()) {
                ErasureReport before = report(id);
                store.complete(id, clock.instant(), json(settled(before, before.repositories(), true)));
            }
        }
        return done;
    }

    private static boolean lacksDictionaries(ErasureReport report) {
        return report.dictionaries() != null && report.dictionaries().stream().anyMatch(d -> d.problem() != null);
    }

    /** The report once more is done: complete, the dictionary problems it listed are gone (they were replaced since). */
    private ErasureReport settled(ErasureReport before, List<RewrittenRepository> repositories, boolean complete) {
        List<ReplacedDictionary> dictionaries = complete && before.dictionaries() != null
                ? before.dictionaries().stream().filter(d -> d.problem() == null).toList()
                : before.dictionaries();
        return new ErasureReport(before.id(), before.policyId(), before.object(), before.criterion(), before.requestedBy(),
                before.requestedAt(), complete ? clock.instant() : null, complete ? COMPLETED : INCOMPLETE, before.records(),
                before.files(), repositories, dictionaries);
    }

    public ErasureReport report(UUID id) throws SQLException {
        ErasureStore.StoredErasure stored = store.find(id).orElseThrow(() -> ApiProblem.notFound("erasure", id));
        try {
            return mapper.readValue(stored.report(), ErasureReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("erasure report " + id + " is not readable", e);
        }
    }

    public UUID policyOfErasure(UUID id) throws SQLException {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("erasure", id)).policyId();
    }

    /** What the transaction removed: the report so far, and the files with their chunks for the repository rewrite. */
    private record Removed(ErasureReport report, List<FileToErase> files) {
    }

    private Removed removeRows(Connection c, UUID id, ErasureCriteria criteria, String requestedBy, Instant requestedAt)
            throws SQLException, IOException {
        List<Long> streams = store.streams(c, criteria.policyId(), criteria.object());
        if (streams.isEmpty()) {
            throw ApiProblem.badRequest("object", "policy " + criteria.policyId() + " stored no " + criteria.object() + " records");
        }
        Set<String> ids = criteria.ids() != null ? criteria.ids() : matching(c, streams, criteria.field(), criteria.value());
        List<ErasedRecord> records = new ArrayList<>(erasedRecords(criteria.object(), store.deleteVersions(c, streams, ids)));
        RetiredDictionaryStore.retireTrainedOn(c, streams, ids);
        Set<String> linkedVersions = linkedContentVersions(c, criteria.policyId(), ids);
        List<Long> versionStreams = store.streams(c, criteria.policyId(), CONTENT_VERSION);
        if (!CONTENT_VERSION.equals(criteria.object())) {
            records.addAll(erasedRecords(CONTENT_VERSION, store.deleteVersions(c, versionStreams, linkedVersions)));
            RetiredDictionaryStore.retireTrainedOn(c, versionStreams, linkedVersions);
        }
        Set<String> attachments = attachmentsOf(c, criteria.policyId(), ids);
        if (!ATTACHMENT.equals(criteria.object())) {
            List<Long> attachmentStreams = store.streams(c, criteria.policyId(), ATTACHMENT);
            records.addAll(erasedRecords(ATTACHMENT, store.deleteVersions(c, attachmentStreams, attachments)));
            RetiredDictionaryStore.retireTrainedOn(c, attachmentStreams, attachments);
        }
        Set<String> fileSources = new HashSet<>(ids);
        fileSources.addAll(linkedVersions);
        fileSources.addAll(attachments);
        List<FileToErase> files = store.files(c, criteria.policyId(), fileSources);
        store.deleteFiles(c, files.stream().map(f -> f.file().fileId()).toList());
        return new Removed(new ErasureReport(id, criteria.policyId(), criteria.object(), criteria.describe(), requestedBy,
                requestedAt, null, "PENDING", records, files.stream().map(FileToErase::file).toList(), List.of(), List.of()), files);
    }

    private Set<String> matching(Connection c, List<Long> streams, String field, String value) throws SQLException, IOException {
        Set<String> ids = new HashSet<>();
        store.forEachVersion(c, streams, config.readFetchSize(), (recordId, payload) -> {
            JsonNode found = mapper.readTree(codec.decompress(payload)).get(field);
            if (found != null && found.isValueNode() && found.asText().equalsIgnoreCase(value)) {
                ids.add(recordId);
            }
        });
        return ids;
    }

    /** ContentVersions of the documents linked to the records (by the policy's stored ContentDocumentLinks). */
    private Set<String> linkedContentVersions(Connection c, UUID policyId, Set<String> recordIds) throws SQLException, IOException {
        Set<String> documents = new HashSet<>();
        store.forEachVersion(c, store.streams(c, policyId, CONTENT_DOCUMENT_LINK), config.readFetchSize(), (recordId, payload) -> {
            JsonNode link = mapper.readTree(codec.decompress(payload));
            if (recordIds.contains(link.path("LinkedEntityId").asText()) && link.hasNonNull("ContentDocumentId")) {
                documents.add(link.get("ContentDocumentId").asText());
            }
        });
        Set<String> versions = new HashSet<>();
        if (documents.isEmpty()) {
            return versions;
        }
        store.forEachVersion(c, store.streams(c, policyId, CONTENT_VERSION), config.readFetchSize(), (recordId, payload) -> {
            if (documents.contains(mapper.readTree(codec.decompress(payload)).path("ContentDocumentId").asText())) {
                versions.add(recordId);
            }
        });
        return versions;
    }

    /** The policy's stored Attachments of the records (by ParentId). */
    private Set<String> attachmentsOf(Connection c, UUID policyId, Set<String> recordIds) throws SQLException, IOException {
        Set<String> attachments = new HashSet<>();
        store.forEachVersion(c, store.streams(c, policyId, ATTACHMENT), config.readFetchSize(), (recordId, payload) -> {
            if (recordIds.contains(mapper.readTree(codec.decompress(payload)).path("ParentId").asText())) {
                attachments.add(recordId);
            }
        });
        return attachments;
    }

    private static List<ErasedRecord> erasedRecords(String object, Map<String, List<String>> removed) {
        List<ErasedRecord> records = new ArrayList<>();
        new TreeMap<>(removed).forEach((recordId, hashes) -> records.add(new ErasedRecord(object, recordId, hashes.size(),
                hashes.stream().filter(Objects::nonNull).distinct().toList())));
        return records;
    }

    /**
     * Replaces the dictionaries this erasure retired (and any an earlier one left retired): their payloads re-encoded,
     * then the dictionaries deleted, so no value of an erased record stays in one.
     */
    private List<ReplacedDictionary> replaceDictionaries() {
        try {
            return dictionaries.replaceRetired().stream()
                    .map(d -> new ReplacedDictionary(d.dictionaryId(), d.replacementId(), d.payloadsReencoded(), null)).toList();
        } catch (SQLException | RuntimeException e) {
            return List.of(new ReplacedDictionary(0, null, 0, "dictionaries not replaced yet (the next erasure goes on): "
                    + e.getMessage()));
        }
    }

    /** Per repository, the manifests and chunks of the erased files it holds. */
    private static List<PendingRewrite> owedRewrites(UUID erasureId, List<FileToErase> files) {
        Map<UUID, List<UUID>> fileIds = new LinkedHashMap<>();
        Map<UUID, Set<String>> chunks = new LinkedHashMap<>();
        for (FileToErase file : files) {
            fileIds.computeIfAbsent(file.file().repositoryId(), r -> new ArrayList<>()).add(file.file().fileId());
            chunks.computeIfAbsent(file.file().repositoryId(), r -> new HashSet<>()).addAll(file.chunks());
        }
        List<PendingRewrite> owed = new ArrayList<>();
        fileIds.forEach((repositoryId, ids) -> owed.add(new PendingRewrite(erasureId, repositoryId, ids, chunks.get(repositoryId))));
        return owed;
    }

    /** Deletes the manifests (again, on a retry: deleting is idempotent) and rewrites the packs without the chunks. */
    private RewrittenRepository rewrite(PendingRewrite owed) {
        UUID repositoryId = owed.repositoryId();
        try {
            ContentRepository content = repositories.openOrUnavailable(repositories.require(repositoryId));
            for (UUID fileId : owed.fileIds()) {
                content.deleteManifest(fileId.toString());
            }
            ContentRepository.EraseOutcome outcome = content.eraseChunks(owed.chunks(),
                    () -> QuarkusTransaction.requiringNew().call(() -> storedFiles.liveChunks(repositoryId)));
            return new RewrittenRepository(repositoryId, outcome.chunksRemoved().size(), outcome.packsRewritten(),
                    outcome.indexFilesRewritten(), null);
        } catch (IOException | RuntimeException e) {
            return new RewrittenRepository(repositoryId, 0, 0, 0, e.getMessage() + " (the rewrite is retried until it completes)");
        }
    }

    private String json(ErasureReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
