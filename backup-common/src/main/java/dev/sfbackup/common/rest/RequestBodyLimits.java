package dev.sfbackup.common.rest;

import dev.sfbackup.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over the limit with a 413 problem document, before anything reads it: JSON
 * bodies above backup.http.max-json-body-size (they are parsed in memory), any body above quarkus.http.limits.max-body-size.
 */
@ApplicationScoped
public class RequestBodyLimits {

    private final long maxJsonBytes;
    private final long maxBodyBytes;

    public RequestBodyLimits(@ConfigProperty(name = "backup.http.max-json-body-size", defaultValue = "1M") MemorySize maxJson,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.maxJsonBytes = maxJson.asLongValue();
        this.maxBodyBytes = maxBody.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length > maxBodyBytes) {
            refuse(context, "the body is larger than " + maxBodyBytes + " bytes");
        } else if (length > maxJsonBytes && isJson(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(context, "a JSON body may hold at most " + maxJsonBytes + " bytes");
        } else {
            context.next();
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static void refuse(RoutingContext context, String message) {
        String body = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"body: " + message
                + "\",\"errors\":[{\"field\":\"body\",\"message\":\"" + message + "\"}]}";
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
