package dev.sfbackup.storage.alert;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** policy-service's alert intake is served by the test application itself ({@link PolicyAlertsStub}). */
public class AlertsToThisApp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.rest-client.policy-service.url", "http://localhost:${quarkus.http.test-port}");
    }
}
