package dev.sfbackup.session.engine;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.client.SalesforceConnections;
import java.time.Duration;

/** Everything a task executor works with: its claim, the policy, the org connection and the API budget. */
record TaskContext(ClaimedTask task, String instanceId, PolicyView policy, ConnectionCredentials credentials,
        SalesforceConnections connections, SalesforceConnection org, String orgId, Duration bulkPollInterval) {

    ApiBudget budget() {
        return new ApiBudget(org, task.apiBudgetPercent());
    }

    SalesforceConnection reconnect(int bulkMaxRecords) {
        return connections.connect(credentials, bulkMaxRecords, bulkPollInterval);
    }

    TaskContext withOrg(SalesforceConnection other) {
        return new TaskContext(task, instanceId, policy, credentials, connections, other, orgId, bulkPollInterval);
    }
}
