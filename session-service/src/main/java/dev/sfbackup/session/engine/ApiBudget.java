package dev.sfbackup.session.engine;

import dev.sfbackup.salesforce.ApiUsage;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.Optional;

/** The share of the org's daily API allowance a run may use (its apiBudgetPercent); checked between pages. */
record ApiBudget(SalesforceConnection org, int percent) {

    void check() {
        Optional<ApiUsage> usage = org.apiUsage();
        if (usage.isPresent() && usage.get().limit() > 0 && usage.get().usedFraction() * 100 >= percent) {
            throw new TaskInterrupted("API budget reached: the org reports " + usage.get().used() + " of "
                    + usage.get().limit() + " daily API requests used, the policy allows " + percent
                    + "%; the next run continues from what this one committed");
        }
    }
}
