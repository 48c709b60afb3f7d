package dev.sfbackup.console.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.restore.RestoreRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * A dry run's request carried in its page's address (base64url JSON), so "Run it" sends exactly what was dry-run and
 * "Change" reopens the wizard filled in: the console keeps no state of its own. Whoever edits it only changes a
 * request session-service checks anyway.
 */
public final class RestorePlan {

    private RestorePlan() {
    }

    public static String encode(RestoreRequest request, ObjectMapper json) {
        RestoreRequest plan = new RestoreRequest(request.policyId(), request.restorePointId(), request.asOf(), request.target(),
                request.objects(), request.mode(), request.hierarchy(), null);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a restore request is always JSON", e);
        }
    }

    /** The request, empty when the value is absent or not a plan. */
    public static Optional<RestoreRequest> decode(String plan, ObjectMapper json) {
        if (plan == null || plan.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(Base64.getUrlDecoder().decode(plan.strip()), RestoreRequest.class));
        } catch (IllegalArgumentException | IOException notAPlan) {
            return Optional.empty();
        }
    }

    /** The same request, now for real (or as a dry run). */
    public static RestoreRequest withDryRun(RestoreRequest request, boolean dryRun) {
        return new RestoreRequest(request.policyId(), request.restorePointId(), request.asOf(), request.target(),
                request.objects(), request.mode(), request.hierarchy(), dryRun);
    }
}
