package dev.sfbackup.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes a @QuarkusTest application verify {@link TestTokens} (the test public key, issuer and audience) and sign its
 * own calls to other services with the test key. Declare it once per module; Quarkus applies it to every test.
 */
public class SignInTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestTokens.serviceConfig();
    }

    @Override
    public void stop() {
        // nothing runs
    }
}
