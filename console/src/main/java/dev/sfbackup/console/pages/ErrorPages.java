package dev.sfbackup.console.pages;

import dev.sfbackup.console.api.ServiceFailure;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service's refusal or failure, or a refused form, as a page saying what happened (with the service's status). */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response serviceFailure(ServiceFailure failure) {
        String title = switch (failure.status()) {
            case 401 -> "Your sign-in has expired";
            case 403 -> "Your role does not allow this";
            case 404 -> "Not found";
            case 409 -> "Not possible right now";
            case 412 -> "Changed by someone else";
            default -> failure.status() >= 500 ? "A service failed" : "Refused";
        };
        return page(failure.status(), title, failure.getMessage());
    }

    /** The console's own refusals: a form without its CSRF value (403), a value that is not of the right type (400). */
    @ServerExceptionMapper
    public Response refused(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        return page(status, status == 404 ? "Not found" : "Refused", refused.getMessage());
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(status, title, detail)).build();
    }
}
