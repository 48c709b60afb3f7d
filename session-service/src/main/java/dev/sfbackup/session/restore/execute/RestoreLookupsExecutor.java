package dev.sfbackup.session.restore.execute;

import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskOutcome;
import dev.sfbackup.session.restore.RestoreTaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes an object's lookups that close a cycle between objects (Account.Primary_Contact__c while Contact.AccountId
 * points back), which its records task left out: it runs after every records task, so their targets exist, recreated
 * ones under the new ids the id map holds. A resumed attempt goes over the object again; what was written compares equal.
 */
@ApplicationScoped
public class RestoreLookupsExecutor implements TaskExecutor {

    private final RestoreRecordsExecutor records;

    public RestoreLookupsExecutor(RestoreRecordsExecutor records) {
        this.records = records;
    }

    @Override
    public String kind() {
        return RestoreTaskKind.RESTORE_LOOKUPS.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask task, TaskContext context) {
        return records.restore(task, context, true);
    }
}
