package dev.sfbackup.session;

import dev.sfbackup.api.session.RunAnomaly;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An anomaly an ended incremental run saw in one object, as stored. */
@Entity
@Table(name = "run_anomaly")
public class RunAnomalyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "object_name")
    public String objectName;
    public String kind;
    public long observed;
    public long baseline;
    public String description;

    public static RunAnomalyRecord of(UUID runId, RunAnomaly anomaly) {
        RunAnomalyRecord record = new RunAnomalyRecord();
        record.runId = runId;
        record.objectName = anomaly.object();
        record.kind = anomaly.kind();
        record.observed = anomaly.observed();
        record.baseline = anomaly.baseline();
        record.description = anomaly.description();
        return record;
    }

    public RunAnomaly toView() {
        return new RunAnomaly(objectName, kind, observed, baseline, description);
    }
}
