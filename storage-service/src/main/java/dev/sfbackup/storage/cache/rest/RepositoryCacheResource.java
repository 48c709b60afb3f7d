package dev.sfbackup.storage.cache.rest;

import dev.sfbackup.api.storage.cache.CacheSettings;
import dev.sfbackup.api.storage.cache.CacheUploadReport;
import dev.sfbackup.api.storage.cache.CacheView;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.cache.service.CacheSettingsService;
import dev.sfbackup.storage.cache.service.CacheUploader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A repository's backup cache: settings, the restore points that used it (with their location), and uploads on demand. */
@Path("/api/v1/repositories/{id}/cache")
public class RepositoryCacheResource {

    private final CacheSettingsService settings;
    private final CacheUploader uploader;

    public RepositoryCacheResource(CacheSettingsService settings, CacheUploader uploader) {
        this.settings = settings;
        this.uploader = uploader;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("cache.update")
    public CacheView put(@PathParam("id") UUID repositoryId, CacheSettings request) {
        return settings.put(repositoryId, request);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public CacheView get(@PathParam("id") UUID repositoryId) {
        return settings.get(repositoryId);
    }

    /** Uploads waiting restore points now (the scheduler does it every backup.cache.upload-every). */
    @POST
    @Path("upload")
    @RolesAllowed(Roles.OPERATOR)
    @EveryOrg
    @Audited("cache.upload")
    public CacheUploadReport upload(@PathParam("id") UUID repositoryId) {
        return uploader.upload(repositoryId);
    }
}
