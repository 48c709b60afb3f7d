package dev.sfbackup.security;

import dev.sfbackup.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body of the content types a browser may send cross-site without asking first (HTML forms: urlencoded,
 * multipart, text/plain) with 415, on every endpoint: the API speaks JSON, NDJSON and octet streams only, so a forged
 * form post changes nothing even where a credential would ride along. A call without a body (some clients label an
 * empty POST as a form) carries no form and passes on to the endpoint's own checks.
 */
public class SimpleFormRefusal {

    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    @ServerRequestFilter(preMatching = true)
    public Response refuseForms(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT);
        if (!FORM_TYPES.contains(essence) || !hasBody(request)) {
            return null;
        }
        String message = "Content-Type " + essence + " is not accepted; send application/json";
        return Response.status(415).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unsupported Media Type", 415, "Content-Type: " + message,
                        List.of(new Problem.FieldError("Content-Type", message))))
                .build();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
