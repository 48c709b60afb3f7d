package dev.sfbackup.session.backup.data;

import dev.sfbackup.salesforce.SalesforceDateTime;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.backup.upload.NdjsonBatch;
import dev.sfbackup.session.client.StorageClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Whether an incremental read that fits into one batch found only what storage already holds. The read's overlap
 * re-reads the changes of the minutes before the watermark, so an object that did not change still returns a few
 * records. When none of them is newer than the watermark and each line hashes to its record's latest committed version
 * (the engine writes a record's canonical JSON, which storage hashes as it comes), storing them would add no version
 * and move no watermark: the task needs no restore point, and one look-up replaces a point's open, batch and commit.
 */
@ApplicationScoped
public class UnchangedRead {

    private final StorageClient storage;

    public UnchangedRead(StorageClient storage) {
        this.storage = storage;
    }

    /** ids: those of the batch's records, in their order; newest: the newest incremental-field value read (null: none). */
    boolean holdsOnlyStoredRecords(BackupTask task, ReadPlan plan, List<String> ids, NdjsonBatch batch, String newest) {
        if (ids.isEmpty()) {
            return true;
        }
        if (plan.previousWatermark() == null || newest == null || SalesforceDateTime.parse(newest).isAfter(plan.previousWatermark())) {
            return false;
        }
        List<String> hashes = lineHashes(batch.toBytes());
        if (hashes.size() != ids.size()) {
            return false;
        }
        Map<String, String> stored = storage.latestContentHashes(task.policy().id(), task.orgId(), task.object(), ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!hashes.get(i).equals(stored.get(ids.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> lineHashes(byte[] ndjson) {
        MessageDigest sha256 = sha256();
        List<String> hashes = new ArrayList<>();
        for (int start = 0; start < ndjson.length; ) {
            int end = start;
            while (end < ndjson.length && ndjson[end] != '\n') {
                end++;
            }
            sha256.update(ndjson, start, end - start);
            hashes.add(HexFormat.of().formatHex(sha256.digest()));
            start = end + 1;
        }
        return hashes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
