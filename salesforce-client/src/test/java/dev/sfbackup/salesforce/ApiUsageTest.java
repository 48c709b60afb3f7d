package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiUsageTest {

    private final RecordedOrg org = new RecordedOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void apiUsageHeaderIsParsedWithAndWithoutPerAppUsage() {
        ApiUsage plain = ApiUsage.parse("api-usage=18/5000", Instant.EPOCH).orElseThrow();
        ApiUsage withApp = ApiUsage.parse("api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)",
                Instant.EPOCH).orElseThrow();

        assertEquals(18, plain.used());
        assertEquals(5000, plain.limit());
        assertEquals(4982, plain.remaining());
        assertEquals(25, withApp.used());
        assertEquals(0.005, withApp.usedFraction(), 1e-9);
        assertTrue(ApiUsage.parse("per-app-api-usage=17/250", Instant.EPOCH).isEmpty());
        assertTrue(ApiUsage.parse("api-usage=x/y", Instant.EPOCH).isEmpty());
    }

    @Test
    void everyResponseUpdatesTheUsageTheEngineReadsAndListensTo() {
        org.on("GET /services/data/v62.0/sobjects",
                Reply.json(200, "rest/describe-global.json", "Sforce-Limit-Info", "api-usage=18/5000"),
                Reply.json(200, "rest/describe-global.json", "Sforce-Limit-Info",
                        "api-usage=19/5000; per-app-api-usage=17/250(appName=sample-connected-app)"));
        List<ApiUsage> seen = new CopyOnWriteArrayList<>();
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions().withUsageListener(seen::add));

        assertTrue(connection.apiUsage().isEmpty());
        connection.describeGlobal();
        assertEquals(18, connection.apiUsage().orElseThrow().used());
        connection.describeGlobal();

        assertEquals(19, connection.apiUsage().orElseThrow().used());
        assertEquals(List.of(18L, 19L), seen.stream().map(ApiUsage::used).toList());
    }

    @Test
    void errorResponsesReportUsageToo() {
        org.on("GET /services/data/v62.0/sobjects",
                Reply.json(403, "errors/request-limit-exceeded.json", "Sforce-Limit-Info", "api-usage=5001/5000"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        try {
            connection.describeGlobal();
        } catch (RequestLimitExceededException expected) {
            // the usage is what matters here
        }

        assertEquals(0, connection.apiUsage().orElseThrow().remaining());
    }
}
