package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.StoredBody;
import dev.sfbackup.emulator.service.BlobService;
import dev.sfbackup.emulator.service.ContentService;
import dev.sfbackup.emulator.service.SaveResult;
import dev.sfbackup.emulator.service.DescribeService;
import dev.sfbackup.emulator.service.RecordRenderer;
import dev.sfbackup.emulator.service.ReplicationService;
import dev.sfbackup.emulator.service.SalesforceApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private final ContentService content;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> FIELDS = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    public SObjectResource(DescribeService describe, ReplicationService replication, RecordRenderer renderer, BlobService blobs,
            ContentService content) {
        this.content = content;
        this.describe = describe;
        this.replication = replication;
        this.renderer = renderer;
        this.blobs = blobs;
    }

    @GET
    public Map<String, Object> describeGlobal(@PathParam("version") String version) {
        return describe.describeGlobal(ApiVersions.parse(version));
    }

    /**
     * Insert with a file body ("Insert or Update Blob Data"): multipart/form-data of a JSON part ({@code entity_content}
     * for ContentVersion, {@code entity_attachment} for Attachment; any part named {@code entity_…}) and a binary part
     * named after the blob field (VersionData, Body). The body goes to a file on disk, never whole into memory.
     */
    @POST
    @Path("{object}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response insertWithBody(@PathParam("object") String object, MultipartFormDataInput input) throws IOException {
        String bodyField = content.bodyField(object);
        Map<String, Object> fields = null;
        FormValue body = null;
        for (Map.Entry<String, java.util.Collection<FormValue>> part : input.getValues().entrySet()) {
            for (FormValue value : part.getValue()) {
                if (part.getKey().startsWith("entity_")) {
                    fields = JSON.readValue(value.isFileItem() ? value.getFileItem().getInputStream()
                            : new java.io.ByteArrayInputStream(value.getValue().getBytes(StandardCharsets.UTF_8)), FIELDS);
                } else if (part.getKey().equals(bodyField) && value.isFileItem()) {
                    body = value;
                }
            }
        }
        if (fields == null) {
            throw new SalesforceApiException(400, "JSON_PARSER_ERROR", "the multipart request has no entity_ part with the record's fields");
        }
        if (body == null) {
            throw new SalesforceApiException(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + bodyField + "]", List.of(bodyField));
        }
        java.nio.file.Path file = blobs.newBodyFile();
        body.getFileItem().write(file);
        SaveResult result = content.insert(object, fields, new StoredBody(file, java.nio.file.Files.size(file)));
        if (!result.success()) {
            java.nio.file.Files.deleteIfExists(file);
            SaveResult.SaveError error = result.errors().get(0);
            throw new SalesforceApiException(400, error.statusCode(), error.message(), error.fields());
        }
        return Response.status(201).entity(Map.of("id", result.id(), "success", true, "errors", List.of())).build();
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
