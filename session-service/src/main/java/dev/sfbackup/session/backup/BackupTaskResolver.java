package dev.sfbackup.session.backup;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.salesforce.AccessToken;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.backup.persistence.BackupTaskStates;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Turns a claim into a {@link BackupTask}: takes the run's policy and its connection's credentials (see
 * {@link RunPolicies}), connects to the org (checking the API budget), and reads what earlier attempts committed.
 */
@ApplicationScoped
public class BackupTaskResolver {

    private final RunPolicies runPolicies;
    private final SalesforceConnections connections;
    private final BackupTaskStates states;
    private final BackupConfig config;

    public BackupTaskResolver(RunPolicies runPolicies, SalesforceConnections connections, BackupTaskStates states,
            BackupConfig config) {
        this.runPolicies = runPolicies;
        this.connections = connections;
        this.states = states;
        this.config = config;
    }

    public BackupTask resolve(ClaimedTask claim, TaskContext context) {
        RunPolicies.RunPolicy run = runPolicies.of(claim.runId(), claim.policyId());
        SalesforceConnection org = connect(run.credentials(), config.engine().bulkMaxRecords());
        String orgId = orgId(org.authenticate());
        context.checkBudget(org);
        return new BackupTask(context, run.policy(), run.credentials(), org, orgId, resumePoint(claim));
    }

    /** The task's org connection again, with Bulk API 2.0 result pages of at most bulkMaxRecords rows. */
    public SalesforceConnection reconnect(BackupTask task, int bulkMaxRecords) {
        return connect(task.credentials(), bulkMaxRecords);
    }

    @Transactional
    ResumePoint resumePoint(ClaimedTask claim) {
        return states.resumePoint(claim.taskId());
    }

    private SalesforceConnection connect(ConnectionCredentials credentials, int bulkMaxRecords) {
        return connections.connect(credentials, bulkMaxRecords, config.engine().bulkPollInterval());
    }

    /** The org id is the first path segment after /id/ in the token's identity URL. */
    private static String orgId(AccessToken token) {
        String id = token.id();
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("id")) {
                return parts[i + 1];
            }
        }
        return null;
    }
}
