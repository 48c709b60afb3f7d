package dev.sfbackup.session.engine;

import dev.sfbackup.salesforce.ApiUsage;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.Optional;

/**
 * The share of the org's daily API allowance a run may use (its apiBudgetPercent); checked between pages. The latest
 * {@code Sforce-Limit-Info} lets a task go on; a stop is decided only on a fresh answer of the org ({@code /limits}),
 * since a remembered usage may be hours old (the connection outlives runs, and the allowance is a rolling 24 hours).
 */
record ApiBudget(SalesforceConnection org, int percent) {

    void check() {
        if (!reached(org.apiUsage())) {
            return;
        }
        Optional<ApiUsage> usage = org.fetchApiUsage();
        if (reached(usage)) {
            throw new TaskInterrupted("API budget reached: the org reports " + usage.get().used() + " of "
                    + usage.get().limit() + " daily API requests used, the policy allows " + percent
                    + "%; the next run continues from what this one committed");
        }
    }

    private boolean reached(Optional<ApiUsage> usage) {
        return usage.isPresent() && usage.get().limit() > 0 && usage.get().usedFraction() * 100 >= percent;
    }
}
