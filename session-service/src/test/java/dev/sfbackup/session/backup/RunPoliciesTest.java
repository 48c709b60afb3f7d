package dev.sfbackup.session.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.session.client.CountingPolicyClient;
import dev.sfbackup.session.engine.TaskInterrupted;
import dev.sfbackup.testing.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunPoliciesTest {

    private final UUID policyId = UUID.randomUUID();
    private final UUID connectionId = UUID.randomUUID();
    private final CountingPolicyClient policyService = new CountingPolicyClient();
    private final MutableClock clock = new MutableClock();
    private final RunPolicies runPolicies = new RunPolicies(policyService, Duration.ofMinutes(1), clock);

    @Test
    void theTasksOfARunOnOneInstanceReadThePolicyAndCredentialsOnce() {
        PolicyView policy = policy(1);
        UUID run = UUID.randomUUID();

        for (int task = 0; task < 5; task++) {
            assertEquals(policy, runPolicies.of(run, policy.id()).policy());
        }

        assertEquals(1, policyService.policyReads());
        assertEquals(1, policyService.credentialReads());
    }

    @Test
    void aRunPlannedHereNeedsNoReadForItsTasksAndAnotherRunReadsAgain() {
        PolicyView planned = policy(1);
        UUID run = UUID.randomUUID();
        runPolicies.remember(run, planned, policyService.credentials(planned.connectionId()));
        PolicyView edited = policy(2);

        assertEquals(1, runPolicies.of(run, planned.id()).policy().version());
        assertEquals(2, runPolicies.of(UUID.randomUUID(), edited.id()).policy().version());
        assertEquals(1, policyService.policyReads());
    }

    @Test
    void aLongRunFollowsPolicyEditsOnceTheReusePeriodIsOver() {
        PolicyView policy = policy(1);
        UUID run = UUID.randomUUID();
        runPolicies.of(run, policy.id());
        policy(2);

        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, runPolicies.of(run, policy.id()).policy().version());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(2, runPolicies.of(run, policy.id()).policy().version());
        assertEquals(2, policyService.credentialReads());
    }

    @Test
    void aTaskOfARunWhosePolicyIsGoneIsInterrupted() {
        assertThrows(TaskInterrupted.class, () -> runPolicies.of(UUID.randomUUID(), UUID.randomUUID()));
    }

    /** The test's policy at that version, as policy-service holds it from now on. */
    private PolicyView policy(long version) {
        PolicyView policy = new PolicyView(policyId, "nightly", true, connectionId, null, null, null, 30, null, version);
        policyService.put(policy);
        return policy;
    }
}
