package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.service.ApiUsage;
import dev.sfbackup.emulator.service.FaultInjector;
import dev.sfbackup.emulator.service.SalesforceApiException;
import dev.sfbackup.emulator.service.TokenService;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every data API call goes through before its resource: version check, bearer token, the daily API limit and
 * org-wide injected faults; and afterwards the Sforce-Limit-Info header.
 */
public class ApiGate {

    static final String DATA_PREFIX = "/services/data/";
    static final String LIMIT_INFO = "Sforce-Limit-Info";

    private final TokenService tokens;
    private final ApiUsage usage;
    private final FaultInjector faults;

    public ApiGate(TokenService tokens, ApiUsage usage, FaultInjector faults) {
        this.tokens = tokens;
        this.usage = usage;
        this.faults = faults;
    }

    @ServerRequestFilter
    public Optional<Response> gate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(DATA_PREFIX) || path.length() <= DATA_PREFIX.length()) {
            return Optional.empty();
        }
        String versionSegment = path.substring(DATA_PREFIX.length()).split("/", 2)[0];
        if (ApiVersions.parse(versionSegment) == null) {
            return Optional.of(SalesforceErrorMappers.response(404, "NOT_FOUND", "The requested resource does not exist", List.of()));
        }
        if (!tokens.isValid(bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)))) {
            return Optional.of(SalesforceErrorMappers.response(401, "INVALID_SESSION_ID", "Session expired or invalid", List.of()));
        }
        if (!usage.tryCount()) {
            return Optional.of(SalesforceErrorMappers.response(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", List.of()));
        }
        try {
            faults.check(null, FaultInjector.Call.ANY);
        } catch (SalesforceApiException e) {
            return Optional.of(SalesforceErrorMappers.response(e.status(), e.errorCode(), e.getMessage(), e.fields()));
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void limitInfo(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith(DATA_PREFIX)) {
            response.getHeaders().putSingle(LIMIT_INFO, usage.header());
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return authorization.substring(6).trim();
        }
        return null;
    }
}
