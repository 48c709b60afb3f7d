package dev.sfbackup.emulator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.problem.Problem;
import dev.sfbackup.emulator.service.OAuthException;
import dev.sfbackup.emulator.service.SalesforceApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

    /** Unknown data API paths get Salesforce's NOT_FOUND array; other paths keep the suite's problem+json. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (uri.getPath().startsWith(ApiGate.DATA_PREFIX)) {
            return response(404, "NOT_FOUND", "The requested resource does not exist", List.of());
        }
        Problem problem = ApiProblem.notFound("resource", uri.getPath()).toProblem();
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
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
