package dev.sfbackup.policy;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicySchedule;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A backup policy; version is incremented by Hibernate on every change and doubles as the ETag. */
@Entity
@Table(name = "policy")
public class Policy {

    @Id
    public UUID id;
    public String name;
    public boolean enabled;
    @Column(name = "connection_id")
    public UUID connectionId;
    @Column(name = "repository_id")
    public UUID repositoryId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scope_objects")
    public List<String> scopeObjects;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scope_exclude")
    public List<String> scopeExclude;
    @Column(name = "auto_add_new_objects")
    public boolean autoAddNewObjects;
    @Column(name = "auto_add_new_fields")
    public boolean autoAddNewFields;
    @Column(name = "include_files")
    public boolean includeFiles;
    @Column(name = "include_metadata")
    public boolean includeMetadata;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_exclusions")
    public Map<String, List<String>> fieldExclusions;
    @Column(name = "schedule_cron")
    public String scheduleCron;
    @Column(name = "schedule_time_zone")
    public String scheduleTimeZone;
    @Column(name = "retention_days")
    public int retentionDays;
    @Column(name = "large_object_threshold")
    public long largeObjectThreshold;
    @Column(name = "inactivity_timeout_millis")
    public long inactivityTimeoutMillis;
    public int parallelism;
    @Column(name = "api_budget_percent")
    public int apiBudgetPercent;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isScheduled() {
        return scheduleCron != null;
    }

    public PolicyView toView() {
        PolicyScope scope = new PolicyScope(List.copyOf(scopeObjects), List.copyOf(scopeExclude), autoAddNewObjects,
                autoAddNewFields, includeFiles, includeMetadata, Map.copyOf(fieldExclusions));
        PolicySchedule schedule = isScheduled() ? new PolicySchedule(scheduleCron, scheduleTimeZone) : null;
        PolicyOptions options = new PolicyOptions(largeObjectThreshold, Duration.ofMillis(inactivityTimeoutMillis),
                parallelism, apiBudgetPercent);
        return new PolicyView(id, name, enabled, connectionId, repositoryId, scope, schedule, retentionDays, options, version);
    }
}
