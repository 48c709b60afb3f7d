package dev.sfbackup.console.pages;

import dev.sfbackup.api.storage.cache.CacheUploadReport;
import dev.sfbackup.api.storage.repository.GcReport;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.api.storage.repository.VerifyReport;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.ServiceFailure;
import dev.sfbackup.console.api.Suite;
import dev.sfbackup.console.signin.Csrf;
import dev.sfbackup.console.signin.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Repositories: the list with cache use and points waiting for upload; verify now (operators) with its result;
 * upload the cache now (operators); create a LOCAL or S3 repository and collect garbage (admins).
 */
@Path("/repositories")
@Produces(MediaType.TEXT_HTML)
public class RepositoryPages {

    private final RepositoryRows rows;
    private final ServiceApi api;
    private final CurrentUser me;

    public RepositoryPages(RepositoryRows rows, ServiceApi api, CurrentUser me) {
        this.rows = rows;
        this.api = api;
        this.me = me;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance repositories(List<RepositoryRows.RepositoryRow> rows, RepositoryForm form,
                Map<String, String> errors, String notice);

        static native TemplateInstance verified(String repository, VerifyReport report);

        static native TemplateInstance collected(String repository, GcReport report);

        static native TemplateInstance uploaded(String repository, CacheUploadReport report);
    }

    @GET
    public TemplateInstance list() {
        return Templates.repositories(rows.all(), RepositoryForm.blank(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam RepositoryForm form) {
        Csrf.require(me.get(), form.csrf);
        Map<String, String> errors = form.typeErrors();
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.repositories(rows.all(), form, errors, "Correct the fields marked below.")).build();
        }
        try {
            api.change(Service.STORAGE, "POST", "/api/v1/repositories", form.toRequest(), null);
            return Response.seeOther(URI.create("/repositories")).build();
        } catch (ServiceFailure refused) {
            if (refused.status() != 400 && refused.status() != 422 && refused.status() != 409) {
                throw refused;
            }
            form.secretKey = null;
            return Response.status(refused.status()).entity(Templates.repositories(rows.all(), form,
                    PolicyPages.fieldErrors(refused.problem()), "storage-service refused the repository: " + refused.problem().summary())).build();
        }
    }

    /** Verifies the structure and reads the given percentage of packs; the result is the answer. */
    @POST
    @Path("{id}/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance verify(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf, @FormParam("readData") String readData) {
        Csrf.require(me.get(), csrf);
        String percent = readData == null || readData.isBlank() ? "0" : readData.strip();
        VerifyReport report = api.read(Service.STORAGE, "POST", "/api/v1/repositories/" + id + "/verify?readData=" + Suite.encode(percent), VerifyReport.class);
        return Templates.verified(name(id), report);
    }

    @POST
    @Path("{id}/gc")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance collectGarbage(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf) {
        Csrf.require(me.get(), csrf);
        return Templates.collected(name(id), api.read(Service.STORAGE, "POST", "/api/v1/repositories/" + id + "/gc", GcReport.class));
    }

    @POST
    @Path("{id}/cache/upload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance upload(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf) {
        Csrf.require(me.get(), csrf);
        return Templates.uploaded(name(id), api.read(Service.STORAGE, "POST", "/api/v1/repositories/" + id + "/cache/upload", CacheUploadReport.class));
    }

    private String name(UUID id) {
        return api.get(Service.STORAGE, "/api/v1/repositories/" + id, RepositoryView.class).name();
    }
}
