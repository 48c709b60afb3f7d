package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.service.BulkJobInfo;
import dev.sfbackup.emulator.service.BulkQueryService;
import dev.sfbackup.emulator.service.BulkResultPage;
import dev.sfbackup.emulator.service.SalesforceApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bulk API 2.0 query jobs. */
@Path("/services/data/{version}/jobs/query")
@Produces(MediaType.APPLICATION_JSON)
public class BulkQueryResource {

    private final BulkQueryService bulk;

    public BulkQueryResource(BulkQueryService bulk) {
        this.bulk = bulk;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkJobInfo create(@PathParam("version") String version, BulkQueryRequest request) {
        if (request == null) {
            throw new SalesforceApiException(400, "INVALIDJOB", "A job definition with operation and query is required");
        }
        return bulk.create(ApiVersions.parse(version), request.operation(), request.query(), request.contentType(),
                request.columnDelimiter(), request.lineEnding());
    }

    @GET
    public Map<String, Object> list() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("done", true);
        page.put("records", bulk.list());
        page.put("nextRecordsUrl", null);
        return page;
    }

    @GET
    @Path("{jobId}")
    public BulkJobInfo status(@PathParam("jobId") String jobId) {
        return bulk.status(jobId);
    }

    @PATCH
    @Path("{jobId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkJobInfo abort(@PathParam("jobId") String jobId, Map<String, String> body) {
        return bulk.abort(jobId, body == null ? null : body.get("state"));
    }

    @DELETE
    @Path("{jobId}")
    public Response delete(@PathParam("jobId") String jobId) {
        bulk.delete(jobId);
        return Response.noContent().build();
    }

    @GET
    @Path("{jobId}/results")
    @Produces("text/csv")
    public Response results(@PathParam("jobId") String jobId, @QueryParam("locator") String locator,
            @QueryParam("maxRecords") Integer maxRecords) {
        BulkResultPage page = bulk.results(jobId, locator, maxRecords);
        StreamingOutput body = out -> page.body().writeTo(out);
        return Response.ok(body, "text/csv")
                .header("Sforce-Locator", page.nextLocator())
                .header("Sforce-NumberOfRecords", page.numberOfRecords())
                .build();
    }
}
