package dev.sfbackup.storage.file.rest;

import dev.sfbackup.api.storage.repository.FileView;
import dev.sfbackup.security.Roles;
import dev.sfbackup.storage.file.StoredFile;
import dev.sfbackup.storage.file.service.FileStorageService;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Streamed uploads of file bodies and metadata packages into an OPEN restore point (stored in its repository), and their listing. */
@Path("/api/v1/restore-points")
@Produces(MediaType.APPLICATION_JSON)
public class RestorePointFilesResource {

    private final FileStorageService files;
    private final RestorePointScope scope;

    public RestorePointFilesResource(FileStorageService files, RestorePointScope scope) {
        this.files = files;
        this.scope = scope;
    }

    @GET
    @Path("{id}/files")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public List<FileView> files(@PathParam("id") UUID restorePointId) throws SQLException {
        scope.requirePoint(restorePointId);
        return files.list(restorePointId, StoredFile.FILE);
    }

    @GET
    @Path("{id}/metadata")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public List<FileView> metadata(@PathParam("id") UUID restorePointId) throws SQLException {
        scope.requirePoint(restorePointId);
        return files.list(restorePointId, StoredFile.METADATA);
    }

    @PUT
    @Path("{id}/files/{sourceId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public FileView putFile(@PathParam("id") UUID restorePointId, @PathParam("sourceId") String sourceId,
                            @QueryParam("name") String name, @QueryParam("contentType") String contentType, InputStream body) {
        return files.store(restorePointId, StoredFile.FILE, sourceId, name, contentType, body);
    }

    @PUT
    @Path("{id}/metadata/{name}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public FileView putMetadata(@PathParam("id") UUID restorePointId, @PathParam("name") String name, InputStream body) {
        return files.store(restorePointId, StoredFile.METADATA, name, name, null, body);
    }
}
