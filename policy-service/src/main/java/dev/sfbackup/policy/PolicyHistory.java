package dev.sfbackup.policy;

import dev.sfbackup.api.policy.PolicyChange;
import dev.sfbackup.api.policy.PolicyHistoryEntry;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a policy's history. */
@Entity
@Table(name = "policy_history")
public class PolicyHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "policy_id")
    public UUID policyId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public PolicyChange change;
    public long version;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scope_extension")
    public ScopeExtensionResult scopeExtension;

    public static PolicyHistory of(Policy policy, PolicyChange change, String reason, ScopeExtensionResult scopeExtension) {
        PolicyHistory entry = new PolicyHistory();
        entry.policyId = policy.id;
        entry.at = Instant.now();
        entry.change = change;
        entry.version = policy.version;
        entry.reason = reason;
        entry.scopeExtension = scopeExtension;
        return entry;
    }

    public PolicyHistoryEntry toEntry() {
        return new PolicyHistoryEntry(id, policyId, at, change, version, reason, scopeExtension);
    }
}
