package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestoreLease;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RecordDeletions;
import dev.sfbackup.api.storage.RestoreLeaseView;
import dev.sfbackup.api.storage.RestorePointPage;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.restorepoint.repository.RestorePointRepository;
import dev.sfbackup.storage.restorepoint.service.PointResolver;
import dev.sfbackup.storage.restorepoint.service.RecordIngestService;
import dev.sfbackup.storage.restorepoint.service.RecordQuery;
import dev.sfbackup.storage.restorepoint.service.RecordReadService;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import dev.sfbackup.storage.restorepoint.service.RestorePointService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.unchecked.Unchecked;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Restore points: writing them (open, batches, deletions, commit, discard, leases) is for session-service's own token
 * only; reading them is for viewers, limited to their orgs (others answer 404), and for the suite's services.
 */
@Path("/api/v1/restore-points")
@Blocking
public class RestorePointResource {

    private final RestorePointService restorePoints;
    private final RecordIngestService ingest;
    private final RecordReadService reads;
    private final PointResolver resolver;
    private final RestorePointScope scope;

    public RestorePointResource(RestorePointService restorePoints, RecordIngestService ingest, RecordReadService reads,
            PointResolver resolver, RestorePointScope scope) {
        this.restorePoints = restorePoints;
        this.ingest = ingest;
        this.reads = reads;
        this.resolver = resolver;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public Response open(OpenRestorePoint request) throws SQLException {
        RestorePointView view = restorePoints.open(request);
        return Response.created(URI.create("/api/v1/restore-points/" + view.id())).entity(view).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public RestorePointPage list(@QueryParam("policyId") String policyId, @QueryParam("object") String object,
            @QueryParam("state") @DefaultValue("COMMITTED") String state, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) throws SQLException {
        RestorePointRepository.Filter filter = new RestorePointRepository.Filter(RequestParameters.uuid("policyId", policyId),
                object == null || object.isBlank() ? null : object, state(state), RequestParameters.instant("from", from),
                RequestParameters.instant("to", to)).limitedTo(scope.limitedTo());
        return restorePoints.list(filter, (int) RequestParameters.number("page", page), (int) RequestParameters.number("size", size));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public RestorePointView get(@PathParam("id") String id) throws SQLException {
        UUID pointId = RequestParameters.requiredUuid("id", id);
        scope.requirePoint(pointId);
        return restorePoints.get(pointId);
    }

    @GET
    @Path("{id}/schema")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public String schema(@PathParam("id") String id) throws SQLException {
        UUID pointId = RequestParameters.requiredUuid("id", id);
        scope.requirePoint(pointId);
        return restorePoints.schema(pointId);
    }

    @PUT
    @Path("{id}/batches/{seq}")
    @Consumes("application/x-ndjson")
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    @RolesAllowed(Roles.SESSION_SERVICE)
    public Uni<BatchResult> batch(@PathParam("id") String id, @PathParam("seq") String seq, InputStream body) {
        // Non-blocking, so the I/O thread collects the whole body (up to quarkus.rest.input-buffer-size) before the
        // call; a blocking method would hand it to the worker chunk by chunk, which cost a tenth of storage's CPU.
        UUID pointId = RequestParameters.requiredUuid("id", id);
        long batchSeq = RequestParameters.number("seq", seq);
        return Uni.createFrom().item(Unchecked.supplier(() -> ingest.ingest(pointId, batchSeq, ingest.readBatch(body))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @POST
    @Path("{id}/deletions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public BatchResult deletions(@PathParam("id") String id, RecordDeletions deletions) throws SQLException {
        return ingest.delete(RequestParameters.requiredUuid("id", id), deletions);
    }

    @POST
    @Path("{id}/end-of-full-scan")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public BatchResult endOfFullScan(@PathParam("id") String id) throws SQLException {
        return ingest.endOfFullScan(RequestParameters.requiredUuid("id", id));
    }

    @POST
    @Path("{id}/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public RestorePointView commit(@PathParam("id") String id, CommitRestorePoint request) throws SQLException {
        return restorePoints.commit(RequestParameters.requiredUuid("id", id), request);
    }

    @POST
    @Path("{id}/discard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public RestorePointView discard(@PathParam("id") String id) throws SQLException {
        return restorePoints.discard(RequestParameters.requiredUuid("id", id));
    }

    @POST
    @Path("{id}/leases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public Response lease(@PathParam("id") String id, OpenRestoreLease request) throws SQLException {
        RestoreLeaseView lease = restorePoints.lease(RequestParameters.requiredUuid("id", id), request);
        return Response.status(Response.Status.CREATED).entity(lease).build();
    }

    @DELETE
    @Path("{id}/leases/{leaseId}")
    @RolesAllowed(Roles.SESSION_SERVICE)
    public Response release(@PathParam("id") String id, @PathParam("leaseId") String leaseId) throws SQLException {
        restorePoints.release(RequestParameters.requiredUuid("id", id), RequestParameters.requiredUuid("leaseId", leaseId));
        return Response.noContent().build();
    }

    /** {point} is a restore point id, or an instant (then policyId is required). */
    @GET
    @Path("{point}/objects/{object}/records")
    @Produces({"application/x-ndjson", "text/csv"})
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Audited(value = "records.read", query = {"policyId", "fields", "format"})
    public Response records(@PathParam("point") String point, @PathParam("object") String object,
            @QueryParam("policyId") String policyId, @QueryParam("fields") String fields, @QueryParam("q") String q,
            @QueryParam("format") String format, @Context HttpHeaders headers) throws SQLException {
        scope.requireReference(point);
        PointResolver.Resolved resolved = resolver.resolve(point, "point", RequestParameters.uuid("policyId", policyId), object);
        scope.requirePolicy(resolved.policyId());
        return RecordStreams.records(reads, resolved.at(), RecordQuery.parse(fields, q), RecordsMediaType.choose(headers, format));
    }

    /** Streams the records that differ between a and b (ids or instants) as NDJSON. */
    @GET
    @Path("{a}/diff/{b}")
    @Produces("application/x-ndjson")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Audited(value = "records.diff", query = {"policyId", "object"})
    public Response diff(@PathParam("a") String a, @PathParam("b") String b, @QueryParam("object") String object,
            @QueryParam("policyId") String policyId) throws SQLException {
        UUID policy = RequestParameters.uuid("policyId", policyId);
        String wanted = object == null || object.isBlank() ? null : object;
        scope.requireReference(a);
        scope.requireReference(b);
        PointResolver.Resolved from = resolver.resolve(a, "a", policy, wanted);
        PointResolver.Resolved to = resolver.resolve(b, "b", from.policyId(), from.object());
        scope.requirePolicy(from.policyId());
        StreamingOutput body = out -> RecordStreams.unchecked(() -> reads.writeDiff(from.at(), to.at(), out));
        return Response.ok(body, "application/x-ndjson").build();
    }

    private static RestorePointState state(String state) {
        try {
            return RestorePointState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("state", "one of OPEN, COMMITTED, DISCARDED");
        }
    }
}
