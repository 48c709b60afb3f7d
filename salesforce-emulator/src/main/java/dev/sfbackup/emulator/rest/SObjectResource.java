package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.service.BlobService;
import dev.sfbackup.emulator.service.DescribeService;
import dev.sfbackup.emulator.service.RecordRenderer;
import dev.sfbackup.emulator.service.ReplicationService;
import dev.sfbackup.emulator.service.SalesforceApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** describeGlobal, describe, getDeleted, getUpdated, record retrieval and blob bodies. */
@Path("/services/data/{version}/sobjects")
@Produces(MediaType.APPLICATION_JSON)
public class SObjectResource {

    private final DescribeService describe;
    private final ReplicationService replication;
    private final RecordRenderer renderer;
    private final BlobService blobs;

    public SObjectResource(DescribeService describe, ReplicationService replication, RecordRenderer renderer, BlobService blobs) {
        this.describe = describe;
        this.replication = replication;
        this.renderer = renderer;
        this.blobs = blobs;
    }

    @GET
    public Map<String, Object> describeGlobal(@PathParam("version") String version) {
        return describe.describeGlobal(ApiVersions.parse(version));
    }

    @GET
    @Path("{object}")
    public Map<String, Object> basicInfo(@PathParam("version") String version, @PathParam("object") String object) {
        return describe.basicInfo(ApiVersions.parse(version), object);
    }

    @GET
    @Path("{object}/describe")
    public Map<String, Object> describe(@PathParam("version") String version, @PathParam("object") String object) {
        return describe.describe(ApiVersions.parse(version), object);
    }

    @GET
    @Path("{object}/deleted")
    public Map<String, Object> deleted(@PathParam("object") String object, @QueryParam("start") String start, @QueryParam("end") String end) {
        return replication.deleted(object, start, end);
    }

    @GET
    @Path("{object}/updated")
    public Map<String, Object> updated(@PathParam("object") String object, @QueryParam("start") String start, @QueryParam("end") String end) {
        return replication.updated(object, start, end);
    }

    @GET
    @Path("{object}/{id}")
    public Map<String, Object> retrieve(@PathParam("version") String version, @PathParam("object") String object,
            @PathParam("id") String id, @QueryParam("fields") String fields) {
        RecordView record = record(object, id);
        List<FieldDef> selected = fields == null || fields.isBlank() ? record.table().fields()
                : Arrays.stream(fields.split(",")).map(String::trim).map(name -> record.table().field(name).orElseThrow(() ->
                        new SalesforceApiException(400, "INVALID_FIELD", "No such column '" + name + "' on entity '" + record.table().name() + "'"))).toList();
        return renderer.rest(record, selected, ApiVersions.parse(version));
    }

    @GET
    @Path("{object}/{id}/{field}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response blob(@PathParam("object") String object, @PathParam("id") String id, @PathParam("field") String fieldName) {
        RecordView record = record(object, id);
        FieldDef field = record.table().field(fieldName).filter(f -> f.type() == FieldType.BASE64)
                .orElseThrow(SalesforceApiException::notFound);
        long size = blobs.size(record, field);
        if (size < 0) {
            throw SalesforceApiException.notFound();
        }
        StreamingOutput body = out -> blobs.write(record, field, out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM).header("Content-Length", size).build();
    }

    private RecordView record(String object, String id) {
        SObjectTable table = describe.table(object);
        int index = table.indexOf(id);
        if (index < 0 || table.isDeleted(index)) {
            throw new SalesforceApiException(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + id);
        }
        return table.view(index);
    }
}
