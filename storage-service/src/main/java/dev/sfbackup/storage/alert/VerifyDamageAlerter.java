package dev.sfbackup.storage.alert;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.api.storage.repository.VerifyReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Alerts every policy whose restore points a verify found damaged: one alert per policy and verify, naming the
 * repository, what is damaged and where the verify's report is. Damage no restore point references alerts nobody.
 */
@ApplicationScoped
public class VerifyDamageAlerter {

    private final EntityManager em;
    private final PolicyAlerts alerts;
    private final AlertsConfig config;

    public VerifyDamageAlerter(EntityManager em, PolicyAlerts alerts, AlertsConfig config) {
        this.em = em;
        this.alerts = alerts;
        this.config = config;
    }

    /** Answers how many policies were alerted. */
    public int alert(String repositoryName, VerifyReport report, UUID verifyId) {
        if (report.ok() || report.affectedRestorePoints().isEmpty()) {
            return 0;
        }
        String damage = report.damagedPacks().size() + " damaged pack(s), " + report.damagedIndexFiles().size()
                + " damaged index file(s), " + report.filesWithMissingChunks().size() + " file(s) with missing chunks";
        String link = config.verifyLink().replace("{repositoryId}", report.repositoryId().toString())
                .replace("{verifyId}", verifyId.toString());
        int alerted = 0;
        for (Object[] row : affectedPolicies(report.affectedRestorePoints())) {
            UUID policyId = (UUID) row[0];
            long points = ((Number) row[1]).longValue();
            String what = "verify of repository '" + repositoryName + "' found " + damage + "; " + points
                    + " of this policy's restore points are affected. Verify result: " + link;
            if (alerts.raise(new AlertEvent(policyId, null, AlertOutcome.VERIFY_DAMAGE, what, "verify/" + verifyId))) {
                alerted++;
            }
        }
        return alerted;
    }

    private List<Object[]> affectedPolicies(List<UUID> restorePoints) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT policy_id, count(*) FROM restore_point WHERE id = ANY(?1) GROUP BY policy_id ORDER BY policy_id""")
                .setParameter(1, restorePoints.toArray(UUID[]::new)).getResultList().stream().map(r -> (Object[]) r).toList());
    }
}
