package dev.sfbackup.emulator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sfbackup.emulator.service.OAuthException;
import dev.sfbackup.emulator.service.SalesforceApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders rejected API calls in Salesforce's shapes: an error array for the data API, error/error_description for OAuth. */
public class SalesforceErrorMappers {

    /** One entry of Salesforce's error array. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ApiError(String message, String errorCode, List<String> fields) {
    }

    @ServerExceptionMapper
    public Response apiError(SalesforceApiException e) {
        return response(e.status(), e.errorCode(), e.getMessage(), e.fields());
    }

    @ServerExceptionMapper
    public Response oauthError(OAuthException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.error(), "error_description", e.getMessage())).build();
    }

    static Response response(int status, String errorCode, String message, List<String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(List.of(new ApiError(message, errorCode, fields))).build();
    }
}
