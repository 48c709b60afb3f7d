package dev.sfbackup.session.backup;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.TaskContext;
import java.util.UUID;

/**
 * A claimed backup task with everything it works with: the engine's context, the run's policy, the policy's org
 * connection (and the org's id), and what earlier attempts committed.
 */
public record BackupTask(TaskContext context, PolicyView policy, ConnectionCredentials credentials, SalesforceConnection org,
        String orgId, ResumePoint resume) {

    public ClaimedTask claim() {
        return context.task();
    }

    public UUID id() {
        return context.task().taskId();
    }

    public UUID sessionId() {
        return context.task().sessionId();
    }

    public String object() {
        return context.task().object();
    }

    public BackupTask withOrg(SalesforceConnection other) {
        return new BackupTask(context, policy, credentials, other, orgId, resume);
    }
}
