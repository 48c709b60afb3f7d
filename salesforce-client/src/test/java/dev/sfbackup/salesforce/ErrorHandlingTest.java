package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorHandlingTest {

    private static final String GLOBAL = "GET /services/data/v62.0/sobjects";

    private final RecordedOrg org = new RecordedOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    static Stream<Arguments> documentedErrors() {
        return Stream.of(
                Arguments.of(403, "errors/request-limit-exceeded.json", RequestLimitExceededException.class, false),
                Arguments.of(400, "errors/query-timeout.json", QueryTimeoutException.class, true),
                Arguments.of(400, "errors/invalid-field.json", InvalidFieldException.class, false),
                Arguments.of(400, "errors/malformed-query.json", MalformedQueryException.class, false),
                Arguments.of(503, "errors/server-unavailable.json", ServerUnavailableException.class, true));
    }

    @ParameterizedTest
    @MethodSource("documentedErrors")
    void errorArraysMapToTypedExceptions(int status, String resource, Class<? extends SalesforceException> type,
                                         boolean transientError) {
        org.on(GLOBAL, Reply.json(status, resource));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        SalesforceException error = assertThrows(SalesforceException.class, connection::describeGlobal);

        assertInstanceOf(type, error);
        assertEquals(status, error.httpStatus());
        assertEquals(transientError, error.isTransient());
        int expectedCalls = transientError ? 3 : 1;
        assertEquals(expectedCalls, org.received("GET", "/services/data/v62.0/sobjects").size(),
                transientError ? "transient errors retried up to maxAttempts" : "permanent errors never retried");
    }

    @Test
    void transientServerErrorsAreRetriedWithBackoffUntilTheySucceed() {
        org.on(GLOBAL, Reply.json(503, "errors/server-unavailable.json"), Reply.of(502, "text/html", "errors/not-found.json"),
                Reply.json(200, "rest/describe-global.json"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        GlobalDescribe global = connection.describeGlobal();

        assertEquals(5, global.sobjects().size());
        assertEquals(3, org.received("GET", "/services/data/v62.0/sobjects").size());
    }

    @Test
    void anExpiredSessionGetsExactlyOneNewTokenAndOneRetry() {
        org.on(GLOBAL, Reply.json(401, "errors/invalid-session.json"), Reply.json(200, "rest/describe-global.json"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        connection.describeGlobal();

        assertEquals(2, org.received("POST", "/services/oauth2/token").size());
        assertEquals(2, org.received("GET", "/services/data/v62.0/sobjects").size());
    }

    @Test
    void everyExpiredSessionInARowGetsANewTokenUpToTheBound() {
        org.on(GLOBAL, Reply.json(401, "errors/invalid-session.json"), Reply.json(401, "errors/invalid-session.json"),
                Reply.json(200, "rest/describe-global.json"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        connection.describeGlobal();

        assertEquals(3, org.received("POST", "/services/oauth2/token").size());
        assertEquals(3, org.received("GET", "/services/data/v62.0/sobjects").size());
    }

    @Test
    void aSessionRejectedAgainAfterRenewalFailsWithoutLooping() {
        org.on(GLOBAL, Reply.json(401, "errors/invalid-session.json"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        InvalidSessionException error = assertThrows(InvalidSessionException.class, connection::describeGlobal);

        assertEquals("INVALID_SESSION_ID", error.errorCode());
        assertEquals(1 + ApiTransport.MAX_RENEWALS_IN_A_ROW, org.received("POST", "/services/oauth2/token").size());
        assertEquals(1 + ApiTransport.MAX_RENEWALS_IN_A_ROW, org.received("GET", "/services/data/v62.0/sobjects").size());
    }

    @Test
    void theTokenIsReusedUntilSalesforceRejectsIt() {
        org.on(GLOBAL, Reply.json(200, "rest/describe-global.json"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        connection.describeGlobal();
        connection.describeGlobal();
        connection.describeGlobal();

        assertEquals(1, org.received("POST", "/services/oauth2/token").size());
        assertEquals(3, connection.requestsSent());
    }

    @Test
    void unknownClientErrorsArePermanentAndKeepSalesforcesErrorCode() {
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        SalesforceException error = assertThrows(SalesforceException.class, () -> connection.describe("Nope__c"));

        assertEquals("NOT_FOUND", error.errorCode());
        assertEquals(404, error.httpStatus());
        assertFalse(error.isTransient());
        assertTrue(error.getMessage().contains("does not exist"));
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(500), 2.0);

        assertEquals(100, policy.backoffAfter(1).toMillis());
        assertEquals(200, policy.backoffAfter(2).toMillis());
        assertEquals(400, policy.backoffAfter(3).toMillis());
        assertEquals(500, policy.backoffAfter(4).toMillis());
    }
}
