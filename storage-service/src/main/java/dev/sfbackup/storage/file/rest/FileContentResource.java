package dev.sfbackup.storage.file.rest;

import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.file.service.FileStorageService;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.UUID;

/** Streams a stored file back, authenticated chunk by chunk and (for a whole-file read) checked against its SHA-256. */
@Path("/api/v1/files")
public class FileContentResource {

    private final FileStorageService files;
    private final RestorePointScope scope;

    public FileContentResource(FileStorageService files, RestorePointScope scope) {
        this.files = files;
        this.scope = scope;
    }

    @GET
    @Path("{id}/content")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Audited("file.download")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String range) throws SQLException {
        scope.requireFile(id);
        FileStorageService.Readable readable = files.readable(id);
        long size = readable.file().size;
        String type = readable.file().contentType == null ? "application/octet-stream" : readable.file().contentType;
        ByteRange requested = ByteRange.parse(range, size);
        if (requested == ByteRange.UNSATISFIABLE) {
            return Response.status(416).header("Content-Range", "bytes */" + size).build();
        }
        ByteRange served = requested == null ? new ByteRange(0, size) : requested;
        StreamingOutput body = out -> {
            try (InputStream in = readable.open(served.from(), served.to())) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(requested == null ? 200 : 206)
                .type(type)
                .header("Accept-Ranges", "bytes")
                .header("ETag", "\"" + readable.file().sha256 + "\"")
                .header("X-Content-SHA256", readable.file().sha256)
                .header(HttpHeaders.CONTENT_LENGTH, served.to() - served.from())
                .entity(body);
        if (requested != null) {
            response.header("Content-Range", "bytes " + served.from() + "-" + (served.to() - 1) + "/" + size);
        }
        return response.build();
    }
}
