package dev.sfbackup.security.audit;

import dev.sfbackup.api.audit.AuditEventView;
import dev.sfbackup.api.audit.AuditOutcome;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Writes failed sign-ins to the audit trail: a token that does not verify (signature, issuer, audience, expiry) is
 * refused with 401 before any endpoint sees the request (refusals at an endpoint are {@link AuditFilter}'s). The event
 * arrives on the I/O thread: what the entry needs is read there, the write happens on a worker. Only the path and the
 * kind of failure are kept, never a header or the token.
 */
@ApplicationScoped
public class SecurityEventAudit {

    private static final Logger LOG = Logger.getLogger(SecurityEventAudit.class);

    private final AuditLog log;
    private final Clock clock;

    public SecurityEventAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void signInFailed(@Observes AuthenticationFailureEvent event) {
        RoutingContext request = routingContext(event);
        if (request == null || (!request.normalizedPath().startsWith("/api/") && !request.normalizedPath().startsWith("/internal/"))) {
            return;
        }
        Throwable failure = event.getAuthenticationFailure();
        AuditEventView entry = new AuditEventView(0, clock.instant(), null, null, null, null, "sign-in",
                request.request().method().name(), request.normalizedPath(), AuditOutcome.UNAUTHENTICATED, 401,
                RequestIds.from(request.request().getHeader(RequestIds.HEADER)),
                "token refused (" + (failure == null ? "unknown reason" : failure.getClass().getSimpleName()) + ")");
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                log.append(entry);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("audit entry of a failed sign-in at %s could not be stored: %s", entry.target(), e.getClass().getSimpleName());
            }
        });
    }

    private static RoutingContext routingContext(AuthenticationFailureEvent event) {
        for (Object value : event.getEventProperties().values()) {
            if (value instanceof RoutingContext context) {
                return context;
            }
        }
        SecurityIdentity identity = event.getSecurityIdentity();
        return identity == null ? null : identity.getAttribute(RoutingContext.class.getName());
    }
}
