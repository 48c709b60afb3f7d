package dev.sfbackup.session.backup.data;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.Watermark;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.FieldSelection;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.Awaited;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decides how a data task reads its object: which fields (see {@link FieldSelection}), which restore-point kind
 * (INCREMENTAL past a stored watermark, FULL when the object has no incremental field but a committed point, else
 * INITIAL) and which API (Bulk API 2.0 for a large full read or a query too long for a REST URL, REST query paging
 * otherwise); logs the decision.
 */
@ApplicationScoped
public class ReadPlanner {

    private final StorageClient storage;
    private final FieldSelection fieldSelection;
    private final BackupConfig config;

    public ReadPlanner(StorageClient storage, FieldSelection fieldSelection, BackupConfig config) {
        this.storage = storage;
        this.fieldSelection = fieldSelection;
        this.config = config;
    }

    public ReadPlan plan(BackupTask task) {
        PolicyView policy = task.policy();
        SObjectDescribe describe = task.org().describe(task.object());
        Optional<String> incrementalField = describe.incrementalField();
        // storage answers while the fields are selected (reads and writes of this service's catalog)
        CompletableFuture<Optional<Watermark>> storedWatermark = incrementalField.isPresent()
                ? Awaited.alongside("watermark", () -> storage.watermark(policy.id(), task.object()))
                : CompletableFuture.completedFuture(Optional.empty());
        task.context().checkStop();
        List<String> fields = fieldSelection.select(policy, describe, task.context());
        Optional<Watermark> watermark = Awaited.resultOf(storedWatermark, "the stored watermark of " + task.object());
        RestorePointKind kind;
        if (incrementalField.isPresent() && watermark.isPresent() && watermark.get().value() != null) {
            kind = RestorePointKind.INCREMENTAL;
        } else if (storage.hasCommittedPoint(policy.id(), task.object())) {
            kind = RestorePointKind.FULL;
        } else {
            kind = RestorePointKind.INITIAL;
        }
        Long expected = task.claim().expectedRecords();
        boolean large = kind != RestorePointKind.INCREMENTAL && expected != null && expected >= config.engine().bulkThreshold();
        ReadPlan restPlan = new ReadPlan(describe, fields, kind, incrementalField.orElse(null),
                watermark.map(Watermark::value).orElse(null), false);
        String restSoql = restPlan.soql(task.object(), config.engine().incrementalOverlap(), null);
        boolean tooLongForRest = !task.org().restQueryFits(restSoql);
        ReadPlan plan = large || tooLongForRest ? restPlan.withBulk() : restPlan;
        task.context().info(task.object() + ": " + kind + " read of " + fields.size() + " fields"
                + (plan.bulk() ? " with Bulk API 2.0" : " with REST query paging")
                + (tooLongForRest && !large ? " (its query is too long for a REST URL)" : "")
                + (plan.incrementalField() == null ? ", no incremental field (compared in full)"
                        : ", incremental field " + plan.incrementalField())
                + (kind == RestorePointKind.INCREMENTAL ? " since " + plan.readFrom(config.engine().incrementalOverlap()) : ""));
        return plan;
    }
}
