package dev.sfbackup.session.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.ContentHashes;
import dev.sfbackup.api.storage.OpenRestoreLease;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RecordDeletions;
import dev.sfbackup.api.storage.RecordIds;
import dev.sfbackup.api.storage.RestorePointPage;
import dev.sfbackup.api.storage.RestoreLeaseView;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.Watermark;
import dev.sfbackup.security.ServiceTokenFilter;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** storage-service, called with session-service's own service token (the only one its ingest endpoints accept). */
@RegisterRestClient(configKey = "storage-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1")
interface StorageRestClient {

    @POST
    @Path("/restore-points")
    RestorePointView open(OpenRestorePoint request);

    @PUT
    @Path("/restore-points/{id}/batches/{seq}")
    @Consumes("application/x-ndjson")
    BatchResult putBatch(@PathParam("id") UUID pointId, @PathParam("seq") long seq, Multi<Buffer> ndjson);

    @POST
    @Path("/restore-points/{id}/deletions")
    BatchResult deletions(@PathParam("id") UUID pointId, RecordDeletions deletions);

    @POST
    @Path("/restore-points/{id}/end-of-full-scan")
    BatchResult endOfFullScan(@PathParam("id") UUID pointId);

    @POST
    @Path("/restore-points/{id}/commit")
    RestorePointView commit(@PathParam("id") UUID pointId, CommitRestorePoint commit);

    @POST
    @Path("/restore-points/{id}/discard")
    RestorePointView discard(@PathParam("id") UUID pointId);

    @GET
    @Path("/restore-points/{id}")
    RestorePointView point(@PathParam("id") UUID pointId);

    /** The describe the backup stored with the point (404 when it stored none). */
    @GET
    @Path("/restore-points/{id}/schema")
    JsonNode schema(@PathParam("id") UUID pointId);

    @GET
    @Path("/watermarks/{policyId}/{object}")
    Watermark watermark(@PathParam("policyId") UUID policyId, @PathParam("object") String object);

    @POST
    @Path("/latest-versions/{policyId}/{object}/content-hashes")
    ContentHashes contentHashes(@PathParam("policyId") UUID policyId, @PathParam("object") String object,
            @QueryParam("orgId") String orgId, RecordIds ids);

    @GET
    @Path("/restore-points")
    RestorePointPage points(@QueryParam("policyId") UUID policyId, @QueryParam("object") String object,
            @QueryParam("state") String state, @QueryParam("page") int page, @QueryParam("size") int size);

    @PUT
    @Path("/restore-points/{id}/files/{sourceId}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    JsonNode putFile(@PathParam("id") UUID pointId, @PathParam("sourceId") String sourceId, @QueryParam("name") String name,
            @QueryParam("contentType") String contentType, InputStream body);

    @PUT
    @Path("/restore-points/{id}/metadata/{name}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    JsonNode putMetadata(@PathParam("id") UUID pointId, @PathParam("name") String name, byte[] body);

    @GET
    @Path("/restore-points")
    RestorePointPage pointsCreatedBefore(@QueryParam("policyId") UUID policyId, @QueryParam("object") String object,
            @QueryParam("state") String state, @QueryParam("to") String to, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** {point}: a restore point id or an instant; the object's records as of then, one JSON object a line. */
    @GET
    @Path("/restore-points/{point}/objects/{object}/records")
    @Produces("application/x-ndjson")
    InputStream records(@PathParam("point") String point, @PathParam("object") String object,
            @QueryParam("policyId") UUID policyId);

    @POST
    @Path("/restore-points/{id}/leases")
    RestoreLeaseView lease(@PathParam("id") UUID pointId, OpenRestoreLease request);

    @DELETE
    @Path("/restore-points/{id}/leases/{leaseId}")
    void release(@PathParam("id") UUID pointId, @PathParam("leaseId") UUID leaseId);
}
