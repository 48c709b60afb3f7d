package dev.sfbackup.emulator.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list of API versions (no token needed) and the resources of one version. */
@Path("/services/data")
@Produces(MediaType.APPLICATION_JSON)
public class VersionsResource {

    @GET
    public List<Map<String, String>> versions() {
        return ApiVersions.SUPPORTED.stream().map(v -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", ApiVersions.label(v));
            entry.put("url", "/services/data/v" + v);
            entry.put("version", v);
            return entry;
        }).toList();
    }

    @GET
    @Path("{version}")
    public Map<String, String> resources(@PathParam("version") String version) {
        String base = "/services/data/" + version;
        Map<String, String> resources = new LinkedHashMap<>();
        for (String name : List.of("sobjects", "query", "queryAll", "limits", "composite", "jobs")) {
            resources.put(name, base + "/" + name);
        }
        return resources;
    }
}
