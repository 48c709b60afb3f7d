package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.service.BulkIngestService;
import dev.sfbackup.emulator.service.IngestJobInfo;
import dev.sfbackup.emulator.service.SalesforceApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bulk API 2.0 ingest jobs: insert, update and delete from CSV. */
@Path("/services/data/{version}/jobs/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class BulkIngestResource {

    private final BulkIngestService ingest;

    public BulkIngestResource(BulkIngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public IngestJobInfo create(@PathParam("version") String version, Map<String, String> request) {
        if (request == null) {
            throw new SalesforceApiException(400, "INVALIDJOB", "A job definition with object and operation is required");
        }
        return ingest.create(ApiVersions.parse(version), request.get("object"), request.get("operation"), request.get("contentType"),
                request.get("columnDelimiter"), request.get("lineEnding"));
    }

    @GET
    public Map<String, Object> list() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("done", true);
        page.put("records", ingest.list());
        page.put("nextRecordsUrl", null);
        return page;
    }

    @PUT
    @Path("{jobId}/batches")
    @Consumes({"text/csv", MediaType.WILDCARD})
    public Response upload(@PathParam("jobId") String jobId, byte[] csv) {
        ingest.upload(jobId, csv == null ? new byte[0] : csv);
        return Response.status(201).build();
    }

    @PATCH
    @Path("{jobId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public IngestJobInfo changeState(@PathParam("jobId") String jobId, Map<String, String> body) {
        return ingest.changeState(jobId, body == null ? null : body.get("state"));
    }

    @GET
    @Path("{jobId}")
    public IngestJobInfo status(@PathParam("jobId") String jobId) {
        return ingest.status(jobId);
    }

    @DELETE
    @Path("{jobId}")
    public Response delete(@PathParam("jobId") String jobId) {
        ingest.delete(jobId);
        return Response.noContent().build();
    }

    @GET
    @Path("{jobId}/successfulResults")
    @Produces("text/csv")
    public Response successful(@PathParam("jobId") String jobId) {
        StreamingOutput body = out -> ingest.writeSuccessful(jobId, out);
        return Response.ok(body, "text/csv").build();
    }

    @GET
    @Path("{jobId}/failedResults")
    @Produces("text/csv")
    public Response failed(@PathParam("jobId") String jobId) {
        StreamingOutput body = out -> ingest.writeFailed(jobId, out);
        return Response.ok(body, "text/csv").build();
    }

    @GET
    @Path("{jobId}/unprocessedrecords")
    @Produces("text/csv")
    public Response unprocessed(@PathParam("jobId") String jobId) {
        StreamingOutput body = out -> ingest.writeUnprocessed(jobId, out);
        return Response.ok(body, "text/csv").build();
    }
}
