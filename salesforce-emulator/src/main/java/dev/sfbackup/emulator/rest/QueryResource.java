package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.service.QueryPage;
import dev.sfbackup.emulator.service.QueryService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** REST query and queryAll, with nextRecordsUrl paging and Sforce-Query-Options: batchSize=. */
@Path("/services/data/{version}")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");

    private final QueryService queries;

    public QueryResource(QueryService queries) {
        this.queries = queries;
    }

    @GET
    @Path("query")
    public QueryPage query(@PathParam("version") String version, @QueryParam("q") String soql,
            @HeaderParam("Sforce-Query-Options") String options) {
        return queries.query(ApiVersions.parse(version), soql, false, batchSize(options));
    }

    @GET
    @Path("queryAll")
    public QueryPage queryAll(@PathParam("version") String version, @QueryParam("q") String soql,
            @HeaderParam("Sforce-Query-Options") String options) {
        return queries.query(ApiVersions.parse(version), soql, true, batchSize(options));
    }

    @GET
    @Path("query/{locator}")
    public QueryPage more(@PathParam("locator") String locator) {
        return queries.more(locator);
    }

    @GET
    @Path("queryAll/{locator}")
    public QueryPage moreAll(@PathParam("locator") String locator) {
        return queries.more(locator);
    }

    private static Integer batchSize(String options) {
        if (options == null) {
            return null;
        }
        Matcher m = BATCH_SIZE.matcher(options);
        if (!m.find()) {
            return null;
        }
        // Anything above the maximum page size is clamped to it anyway.
        return m.group(1).length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
    }
}
