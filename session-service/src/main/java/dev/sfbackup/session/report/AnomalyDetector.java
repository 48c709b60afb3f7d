package dev.sfbackup.session.report;

import dev.sfbackup.api.session.RunAnomaly;
import dev.sfbackup.session.config.BackupConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells unusual object counts of an incremental run: a mass deletion (more than deletedShare of the object's records)
 * or a bad data load (more than changeFactor times the object's mean changes over its recent runs).
 */
final class AnomalyDetector {

    static final String DELETIONS = "DELETIONS";
    static final String CHANGES = "CHANGES";

    private final BackupConfig.Anomaly thresholds;

    AnomalyDetector(BackupConfig.Anomaly thresholds) {
        this.thresholds = thresholds;
    }

    /** history: per object, its new-and-changed counts in the policy's earlier runs (newest first). */
    List<RunAnomaly> detect(List<ObjectChanges> run, Map<String, List<Long>> history) {
        List<RunAnomaly> found = new ArrayList<>();
        for (ObjectChanges object : run) {
            deletions(object).ifPresent(found::add);
            changes(object, history.getOrDefault(object.object(), List.of())).ifPresent(found::add);
        }
        return found;
    }

    private Optional<RunAnomaly> deletions(ObjectChanges object) {
        if (object.size() == null || object.size() <= 0 || object.deleted() < thresholds.minRecords()
                || object.deleted() <= thresholds.deletedShare() * object.size()) {
            return Optional.empty();
        }
        double percent = 100.0 * object.deleted() / object.size();
        return Optional.of(new RunAnomaly(object.object(), DELETIONS, object.deleted(), object.size(),
                String.format(Locale.ROOT, "%d of %d %s records deleted (%.1f%%, more than %.1f%%)",
                        object.deleted(), object.size(), object.object(), percent, thresholds.deletedShare() * 100)));
    }

    private Optional<RunAnomaly> changes(ObjectChanges object, List<Long> earlier) {
        if (earlier.size() < thresholds.minHistoryRuns() || object.changed() < thresholds.minRecords()) {
            return Optional.empty();
        }
        double mean = Math.max(1.0, earlier.stream().mapToLong(Long::longValue).average().orElse(0));
        if (object.changed() <= thresholds.changeFactor() * mean) {
            return Optional.empty();
        }
        return Optional.of(new RunAnomaly(object.object(), CHANGES, object.changed(), Math.round(mean),
                String.format(Locale.ROOT, "%d %s records new or changed, %.0f times the usual %.0f of the last %d runs",
                        object.changed(), object.object(), object.changed() / mean, mean, earlier.size())));
    }
}
