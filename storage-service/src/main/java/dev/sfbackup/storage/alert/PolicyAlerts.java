package dev.sfbackup.storage.alert;

import dev.sfbackup.api.alert.AlertEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Hands alerts to policy-service, which sends them to the policy's subscribed channels. A failed hand-over is reported
 * to the caller (it tries again on its next check), never thrown into storage work.
 */
@ApplicationScoped
public class PolicyAlerts {

    private static final Logger LOG = Logger.getLogger(PolicyAlerts.class);

    private final PolicyAlertsRestClient rest;

    public PolicyAlerts(@RestClient PolicyAlertsRestClient rest) {
        this.rest = rest;
    }

    /** Answers whether policy-service took the alert. */
    public boolean raise(AlertEvent event) {
        try {
            rest.alert(event);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("alert %s of policy %s not handed to policy-service: %s", event.outcome(), event.policyId(), e.getMessage());
            return false;
        }
    }
}
