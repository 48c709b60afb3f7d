package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.service.CollectionsService;
import dev.sfbackup.emulator.service.SalesforceApiException;
import dev.sfbackup.emulator.service.SaveResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** sObject Collections: create, update and delete up to 200 records a call. */
@Path("/services/data/{version}/composite/sobjects")
@Produces(MediaType.APPLICATION_JSON)
public class CompositeResource {

    private final CollectionsService collections;

    public CompositeResource(CollectionsService collections) {
        this.collections = collections;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public List<SaveResult> create(CollectionRequest request) {
        return collections.create(allOrNone(request), records(request));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public List<SaveResult> update(CollectionRequest request) {
        return collections.update(allOrNone(request), records(request));
    }

    @DELETE
    public List<SaveResult> delete(@QueryParam("ids") String ids, @QueryParam("allOrNone") boolean allOrNone) {
        if (ids == null || ids.isBlank()) {
            throw new SalesforceApiException(400, "MISSING_ARGUMENT", "ids parameter not specified");
        }
        return collections.delete(allOrNone, Arrays.stream(ids.split(",")).map(String::trim).toList());
    }

    private static boolean allOrNone(CollectionRequest request) {
        return request != null && Boolean.TRUE.equals(request.allOrNone());
    }

    private static List<java.util.Map<String, Object>> records(CollectionRequest request) {
        if (request == null || request.records() == null) {
            throw new SalesforceApiException(400, "JSON_PARSER_ERROR", "The request body must have a records array");
        }
        return request.records();
    }
}
