package dev.sfbackup.security.audit;

import dev.sfbackup.api.audit.AuditEventView;
import dev.sfbackup.api.audit.AuditOutcome;
import dev.sfbackup.security.SecurityConfig;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id (X-Request-Id, echoed back) and writes an audit entry once an endpoint answered: every call
 * of an {@link Audited} endpoint, and every call of any endpoint refused for want of a token (401) or of a role or org
 * (403), named by the endpoint's action or, without one, its class and method. A token that does not verify never
 * reaches an endpoint: {@link SecurityEventAudit} records those.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    private final AuditLog log;
    private final Instance<SecurityIdentity> identity;
    private final Instance<AuditDetails> details;
    private final SecurityConfig security;
    private final Clock clock;

    public AuditFilter(AuditLog log, Instance<SecurityIdentity> identity, Instance<AuditDetails> details, SecurityConfig security,
            Clock clock) {
        this.log = log;
        this.identity = identity;
        this.details = details;
        this.security = security;
        this.clock = clock;
    }

    @ServerRequestFilter(preMatching = true)
    public void assignRequestId(ContainerRequestContext request) {
        request.setProperty(RequestIds.PROPERTY, RequestIds.from(request.getHeaderString(RequestIds.HEADER)));
    }

    /**
     * Returns once the entry is stored, so a caller that got its answer finds the entry in the trail. A request refused
     * before the endpoint ran is answered on the I/O thread: the write then happens on a worker and the answer waits.
     */
    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object requestId = request.getProperty(RequestIds.PROPERTY);
        if (requestId != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, requestId);
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        int status = response.getStatus();
        boolean refused = status == 401 || status == 403;
        if (method == null || (audited == null && !refused)) {
            return Uni.createFrom().voidItem();
        }
        SecurityIdentity caller = identity.get();
        AuditActor actor = AuditActor.of(caller, security);
        String action = audited != null ? audited.value() : resource.getResourceClass().getSimpleName() + "." + method.getName();
        AuditEventView event = new AuditEventView(0, clock.instant(), actor.subject(), actor.name(), actor.client(),
                refused ? null : AuditActor.roleUsed(caller, allowedRoles(resource)), action, request.getMethod(),
                target(request, response), outcome(status), status, String.valueOf(requestId),
                status == 401 ? "no token" : audited == null ? null : details(request, audited));
        if (BlockingOperationControl.isBlockingAllowed()) {
            append(event);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            append(event);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static AuditOutcome outcome(int status) {
        return switch (status) {
            case 401 -> AuditOutcome.UNAUTHENTICATED;
            case 403 -> AuditOutcome.DENIED;
            default -> status < 400 ? AuditOutcome.SUCCESS : AuditOutcome.FAILED;
        };
    }

    private void append(AuditEventView event) {
        try {
            log.append(event);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("audit entry %s %s (request %s) could not be stored: %s", event.action(), event.target(),
                    event.requestId(), e.getClass().getSimpleName());
        }
    }

    private static String target(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst("Location");
        if (response.getStatus() == 201 && location != null) {
            return URI.create(location.toString()).getPath();
        }
        return request.getUriInfo().getPath();
    }

    private String details(ContainerRequestContext request, Audited audited) {
        List<String> parts = new ArrayList<>();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (String name : audited.query()) {
            String value = query.getFirst(name);
            if (value != null) {
                parts.add(name + "=" + value);
            }
        }
        String added = details.isResolvable() ? details.get().joined() : null;
        if (added != null) {
            parts.add(added);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static List<String> allowedRoles(ResourceInfo resource) {
        RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        RolesAllowed rules = onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        return rules == null ? List.of() : List.of(rules.value());
    }
}
