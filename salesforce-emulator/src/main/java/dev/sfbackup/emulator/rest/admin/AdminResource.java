package dev.sfbackup.emulator.rest.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.emulator.config.EmulatorConfig;
import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.ValidationRule;
import dev.sfbackup.emulator.service.ApiUsage;
import dev.sfbackup.emulator.service.Fault;
import dev.sfbackup.emulator.service.FaultInjector;
import dev.sfbackup.emulator.service.MutationResult;
import dev.sfbackup.emulator.service.OrgService;
import dev.sfbackup.emulator.service.RecordRenderer;
import dev.sfbackup.emulator.service.RecycleBinService;
import dev.sfbackup.emulator.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/** Admin API for tests and demos (no OAuth): recreate and change the org, inject faults, read the ground truth. */
@Path("/emulator/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final String VERSION = "62.0";

    private final OrgService orgs;
    private final FaultInjector faults;
    private final ApiUsage usage;
    private final TokenService tokens;
    private final RecordRenderer renderer;
    private final RecycleBinService recycleBin;
    private final EmulatorConfig config;
    private final ObjectMapper json;

    public AdminResource(OrgService orgs, FaultInjector faults, ApiUsage usage, TokenService tokens, RecordRenderer renderer,
            RecycleBinService recycleBin, EmulatorConfig config, ObjectMapper json) {
        this.recycleBin = recycleBin;
        this.orgs = orgs;
        this.faults = faults;
        this.usage = usage;
        this.tokens = tokens;
        this.renderer = renderer;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("reset")
    public Map<String, Object> reset(AdminRequests.Reset request) {
        AdminRequests.Reset r = request == null ? new AdminRequests.Reset(null, null, null, null) : request;
        AdminRequests.Files files = r.files() == null ? new AdminRequests.Files(null, null) : r.files();
        int fileCount = files.count() == null ? config.fileCount() : files.count();
        int meanBytes = files.meanBytes() == null ? config.fileMeanBytes() : files.meanBytes();
        if (fileCount < 0) {
            throw ApiProblem.badRequest("files.count", "must be 0 or more");
        }
        if (meanBytes < 1 || meanBytes > 100_000_000) {
            throw ApiProblem.badRequest("files.meanBytes", "must be between 1 and 100000000");
        }
        if (r.apiLimit() != null && r.apiLimit() < 1) {
            throw ApiProblem.badRequest("apiLimit", "must be 1 or more");
        }
        Org org = orgs.reset(new OrgSpec(r.seed() == null ? config.seed() : r.seed(), r.objects() == null ? Map.of() : r.objects(),
                fileCount, meanBytes));
        usage.set(0, r.apiLimit() == null ? config.dailyApiLimit() : r.apiLimit());
        return objects(org);
    }

    @GET
    @Path("objects")
    public Map<String, Object> listObjects() {
        return objects(orgs.current());
    }

    @POST
    @Path("mutate")
    public MutationResult mutate(AdminRequests.Mutate request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "expected {\"object\":…,\"update\":n,\"delete\":n,\"undelete\":n,\"insert\":n}");
        }
        return orgs.mutate(request.object(), count("update", request.update()), count("delete", request.delete()),
                count("undelete", request.undelete()), count("insert", request.insert()), request.set(),
                count("stampedSecondsAgo", request.stampedSecondsAgo()));
    }

    @POST
    @Path("fields")
    public Response addField(AdminRequests.AddField request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "expected {\"object\":…,\"name\":…,\"type\":…}");
        }
        FieldDef field = orgs.addField(request.object(), request.name(), request.type(), request.length(),
                Boolean.TRUE.equals(request.unique()), request.referenceTo());
        return Response.status(201).entity(Map.of("object", orgs.table(request.object()).name(), "name", field.name(),
                "type", field.type().apiName())).build();
    }

    /** A validation rule: records whose field equals the value (or is blank) fail with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
    @POST
    @Path("validation-rules")
    public Response addValidationRule(AdminRequests.AddValidationRule request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "expected {\"object\":…,\"field\":…,\"rejectWhenEquals\":…|\"rejectWhenBlank\":true,\"message\":…}");
        }
        ValidationRule rule = orgs.addValidationRule(request.object(), request.field(), request.rejectWhenEquals(),
                request.rejectWhenBlank(), request.message());
        return Response.status(201).entity(rule).build();
    }

    @GET
    @Path("validation-rules")
    public List<ValidationRule> validationRules() {
        return orgs.current().validationRules();
    }

    @DELETE
    @Path("validation-rules/{id}")
    public Response removeValidationRule(@PathParam("id") String id) {
        if (!orgs.current().removeValidationRule(id)) {
            throw ApiProblem.notFound("validation rule", id);
        }
        return Response.noContent().build();
    }

    /** Empties the recycle bin of one object (or all): those records are gone for good, as after emptyRecycleBin(). */
    @POST
    @Path("recycle-bin/purge")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> purgeRecycleBin(String body) {
        AdminRequests.Purge request = null;
        if (body != null && !body.isBlank()) {
            try {
                request = json.readValue(body, AdminRequests.Purge.class);
            } catch (java.io.IOException e) {
                throw ApiProblem.badRequest("body", "expected {\"object\":…} or nothing (every object)");
            }
        }
        String object = request == null ? null : request.object();
        return Map.of("purged", recycleBin.purge(object));
    }

    /** IsActive = false: making them the owner of a record fails with INACTIVE_OWNER_OR_USER. */
    @POST
    @Path("users/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> deactivateUser(@PathParam("id") String id) {
        orgs.deactivateUser(id);
        return Map.of("id", id, "IsActive", false);
    }

    /** Org settings: {@code auditFieldsCreateable} is "Set Audit Fields upon Record Creation". */
    @POST
    @Path("settings")
    public Map<String, Object> settings(AdminRequests.Settings request) {
        if (request != null && request.auditFieldsCreateable() != null) {
            orgs.current().auditFieldsCreateable(request.auditFieldsCreateable());
        }
        return Map.of("auditFieldsCreateable", orgs.current().auditFieldsCreateable());
    }

    @POST
    @Path("objects")
    public Response addObject(AdminRequests.AddObject request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "expected {\"name\":…,\"records\":n}");
        }
        List<Entry<String, String>> fields = request.fields() == null ? List.of()
                : request.fields().stream().map(f -> Map.entry(String.valueOf(f.name()), String.valueOf(f.type()))).toList();
        SObjectTable table = orgs.addObject(request.name(), request.records() == null ? 0 : request.records(),
                request.incremental() == null || request.incremental(), fields,
                request.requireFilterOn() == null ? List.of() : request.requireFilterOn());
        return Response.status(201).entity(summary(table)).build();
    }

    @POST
    @Path("faults")
    public Response addFault(AdminRequests.AddFault request) {
        boolean hold = request != null && Boolean.TRUE.equals(request.hold());
        if (request == null || (request.errorCode() == null && request.latencyMs() == null && !hold)) {
            throw ApiProblem.badRequest("errorCode", "give an errorCode (e.g. QUERY_TIMEOUT, REQUEST_LIMIT_EXCEEDED), a latencyMs"
                    + " or hold: true");
        }
        if (hold && (request.errorCode() != null || request.latencyMs() != null)) {
            throw ApiProblem.badRequest("hold", "a hold fault keeps requests waiting until it is removed; give it without"
                    + " errorCode and latencyMs");
        }
        if (request.call() != null && request.object() == null) {
            throw ApiProblem.badRequest("call", "narrows an object's fault to one kind of call: give an object too");
        }
        if (request.call() != null && FaultInjector.Call.ofApiName(request.call()).isEmpty()) {
            throw ApiProblem.badRequest("call", "must be one of describe, query, queryMore, bulkJob, bulkResults, collections");
        }
        if (request.object() != null && orgs.current().table(request.object()).isEmpty()) {
            throw ApiProblem.badRequest("object", "unknown object '" + request.object() + "'");
        }
        if (request.times() != null && (request.times() == 0 || request.times() < -1)) {
            throw ApiProblem.badRequest("times", "must be -1 (for ever) or 1 or more");
        }
        if (request.latencyMs() != null && request.latencyMs() < 0) {
            throw ApiProblem.badRequest("latencyMs", "must be 0 or more");
        }
        if (request.maxRecordsAbove() != null && request.maxRecordsAbove() < 0) {
            throw ApiProblem.badRequest("maxRecordsAbove", "must be 0 or more (a Bulk results set size)");
        }
        if (request.jobRecordsAbove() != null && request.jobRecordsAbove() < 0) {
            throw ApiProblem.badRequest("jobRecordsAbove", "must be 0 or more (the records a Bulk query job matches)");
        }
        if (request.jobRecordsAbove() != null && request.maxRecordsAbove() != null) {
            throw ApiProblem.badRequest("jobRecordsAbove", "give either maxRecordsAbove (result downloads) or jobRecordsAbove"
                    + " (query jobs), not both: no request is both");
        }
        String code = request.errorCode();
        Fault fault = new Fault(0, request.object(), request.call(), code,
                request.status() != null ? request.status() : code == null ? 0 : FaultInjector.defaultStatus(code),
                request.message() != null ? request.message() : code == null ? null : FaultInjector.defaultMessage(code),
                request.times() == null ? -1 : request.times(), request.latencyMs() == null ? 0 : request.latencyMs(), hold, 0,
                request.maxRecordsAbove(), request.jobRecordsAbove());
        return Response.status(201).entity(faults.add(fault)).build();
    }

    @GET
    @Path("faults")
    public List<Fault> listFaults() {
        return faults.list();
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    /** Removes one fault; the requests a hold fault keeps waiting go on. */
    @DELETE
    @Path("faults/{id}")
    public Response removeFault(@PathParam("id") long id) {
        if (!faults.remove(id)) {
            throw ApiProblem.notFound("fault", id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("usage")
    public Map<String, Object> usage() {
        return Map.of("apiCalls", usage.used(), "dailyLimit", usage.limit());
    }

    @POST
    @Path("usage")
    public Map<String, Object> setUsage(AdminRequests.SetUsage request) {
        if (request == null || (request.used() != null && request.used() < 0) || (request.limit() != null && request.limit() < 1)) {
            throw ApiProblem.badRequest("used", "give used >= 0 and/or limit >= 1");
        }
        usage.set(request.used() == null ? usage.used() : request.used(), request.limit() == null ? usage.limit() : request.limit());
        return usage();
    }

    /** Ends all sessions: the next data call with an old token gets 401 INVALID_SESSION_ID. */
    @DELETE
    @Path("sessions")
    public Response revokeSessions() {
        tokens.revokeAll();
        return Response.noContent().build();
    }

    /** The object's records as they are now, one JSON object a line, in Id order (the ground truth for tests). */
    @GET
    @Path("objects/{object}/records")
    @Produces("application/x-ndjson")
    public Response records(@PathParam("object") String object, @QueryParam("includeDeleted") boolean includeDeleted) {
        SObjectTable table = orgs.table(object);
        List<FieldDef> fields = table.fields();
        StreamingOutput body = out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.setRootValueSeparator(null);
                for (int i = 0; i < table.size(); i++) {
                    if (table.isDeleted(i) && (!includeDeleted || table.isPurged(i))) {
                        continue;
                    }
                    RecordView record = table.view(i);
                    Map<String, Object> row = renderer.rest(record, fields, VERSION);
                    row.remove("attributes");
                    generator.writeObject(row);
                    generator.writeRaw('\n');
                }
            }
        };
        return Response.ok(body, "application/x-ndjson").build();
    }

    private static int count(String field, Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > 1_000_000) {
            throw ApiProblem.badRequest(field, "must be between 0 and 1000000");
        }
        return value;
    }

    private static Map<String, Object> objects(Org org) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seed", org.seed());
        result.put("objects", org.tables().stream().map(AdminResource::summary).toList());
        return result;
    }

    private static Map<String, Object> summary(SObjectTable table) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", table.name());
        s.put("keyPrefix", table.keyPrefix());
        s.put("records", table.liveCount());
        s.put("deleted", table.deletedCount());
        s.put("incrementalField", table.incrementalField().orElse(null));
        s.put("fields", table.fields().size());
        if (!table.requiredFilterFields().isEmpty()) {
            s.put("requireFilterOn", table.requiredFilterFields());
        }
        return s;
    }
}
