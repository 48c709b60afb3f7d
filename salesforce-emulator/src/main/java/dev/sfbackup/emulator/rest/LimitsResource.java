package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.service.ApiUsage;
import dev.sfbackup.emulator.service.OrgService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Org limits and record counts. */
@Path("/services/data/{version}/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {

    private final ApiUsage usage;
    private final OrgService orgs;

    public LimitsResource(ApiUsage usage, OrgService orgs) {
        this.usage = usage;
        this.orgs = orgs;
    }

    @GET
    public Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("DailyApiRequests", Map.of("Max", usage.limit(), "Remaining", Math.max(0, usage.limit() - usage.used())));
        limits.put("DailyBulkV2QueryJobs", Map.of("Max", 10000, "Remaining", 10000));
        limits.put("DailyBulkV2QueryFileStorageMB", Map.of("Max", 976562, "Remaining", 976562));
        return limits;
    }

    /** Live (not deleted) records per object; unknown names are left out, as Salesforce does. */
    @GET
    @Path("recordCount")
    public Map<String, Object> recordCount(@QueryParam("sObjects") String objects) {
        List<SObjectTable> tables = objects == null || objects.isBlank()
                ? List.copyOf(orgs.current().tables())
                : Arrays.stream(objects.split(",")).map(String::trim).map(orgs.current()::table).flatMap(Optional::stream).toList();
        return Map.of("sObjects", tables.stream().map(t -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("count", t.liveCount());
            entry.put("name", t.name());
            return entry;
        }).toList());
    }
}
