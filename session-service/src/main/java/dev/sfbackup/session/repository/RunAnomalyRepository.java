package dev.sfbackup.session.repository;

import dev.sfbackup.api.session.RunAnomaly;
import dev.sfbackup.session.RunAnomalyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RunAnomalyRepository implements PanacheRepositoryBase<RunAnomalyRecord, Long> {

    public List<RunAnomaly> ofRun(UUID runId) {
        return list("runId", Sort.by("objectName").and("kind"), runId).stream().map(RunAnomalyRecord::toView).toList();
    }

    /** Replaces what was stored for the run, so a report done twice stores each anomaly once. */
    public void replace(UUID runId, List<RunAnomaly> anomalies) {
        delete("runId", runId);
        anomalies.forEach(anomaly -> persist(RunAnomalyRecord.of(runId, anomaly)));
    }
}
