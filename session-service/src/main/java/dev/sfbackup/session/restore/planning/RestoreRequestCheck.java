package dev.sfbackup.session.restore.planning;

import dev.sfbackup.api.restore.RestoreMode;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.session.restore.files.FileRequestCheck;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks a restore request passes before anything is read or stored; each failure names the field and what is allowed. */
public final class RestoreRequestCheck {

    public static final int MAX_LEVELS = 5;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private RestoreRequestCheck() {
    }

    public static RestoreMode mode(RestoreRequest request) {
        if (request.mode() == null) {
            return RestoreMode.UPDATE_AND_RECREATE;
        }
        try {
            return RestoreMode.valueOf(request.mode());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("mode", "must be one of " + Arrays.toString(RestoreMode.values()) + ", got '" + request.mode() + "'");
        }
    }

    public static int parents(RestoreRequest request) {
        return level(request.hierarchy() == null ? null : request.hierarchy().parents(), 1, "hierarchy.parents");
    }

    public static int children(RestoreRequest request) {
        return level(request.hierarchy() == null ? null : request.hierarchy().children(), 0, "hierarchy.children");
    }

    public static void validate(RestoreRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "a JSON restore request is required");
        }
        if (request.policyId() == null) {
            throw ApiProblem.badRequest("policyId", "is required (the UUID of the policy whose backup is restored)");
        }
        if ((request.restorePointId() == null) == (request.asOf() == null)) {
            throw ApiProblem.badRequest("restorePointId", "give exactly one of restorePointId (a restore point's UUID) or asOf (an instant such as 2026-01-01T00:00:00Z)");
        }
        FileRequestCheck.validate(request.files());
        if ((request.objects() == null || request.objects().isEmpty()) && !FileRequestCheck.filesOnly(request)) {
            throw ApiProblem.badRequest("objects", "at least one {object, ids?, where?, fields?} is required (or files: {ids: [...]})");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; request.objects() != null && i < request.objects().size(); i++) {
            objectScope(request.objects().get(i), "objects[" + i + "]", seen);
        }
        mode(request);
        parents(request);
        children(request);
        target(request.target(), seen);
    }

    private static void objectScope(RestoreRequest.ObjectScope scope, String at, Set<String> seen) {
        if (scope == null || scope.object() == null || !NAME.matcher(scope.object()).matches()) {
            throw ApiProblem.badRequest(at + ".object", "must be an object API name such as Account");
        }
        if (!seen.add(scope.object())) {
            throw ApiProblem.badRequest(at + ".object", scope.object() + " is listed twice; list each object once");
        }
        for (String id : scope.ids() == null ? List.<String>of() : scope.ids()) {
            if (id == null || !RECORD_ID.matcher(id).matches()) {
                throw ApiProblem.badRequest(at + ".ids", "record ids are 15 or 18 letters and digits, got '" + id + "'");
            }
        }
        for (String field : scope.where() == null ? Set.<String>of() : scope.where().keySet()) {
            name(field, at + ".where");
        }
        for (String field : scope.fields() == null ? List.<String>of() : scope.fields()) {
            name(field, at + ".fields");
        }
    }

    private static void target(RestoreRequest.Target target, Set<String> objects) {
        if (target == null || target.fieldMapping() == null) {
            return;
        }
        for (Map.Entry<String, Map<String, String>> mapping : target.fieldMapping().entrySet()) {
            if (!objects.contains(mapping.getKey())) {
                throw ApiProblem.badRequest("target.fieldMapping", mapping.getKey() + " is not one of the objects restored " + objects);
            }
            for (Map.Entry<String, String> field : mapping.getValue().entrySet()) {
                name(field.getKey(), "target.fieldMapping." + mapping.getKey());
                name(field.getValue(), "target.fieldMapping." + mapping.getKey());
            }
        }
        if (target.defaultOwnerId() != null && !RECORD_ID.matcher(target.defaultOwnerId()).matches()) {
            throw ApiProblem.badRequest("target.defaultOwnerId", "must be a user id of 15 or 18 letters and digits");
        }
    }

    private static void name(String field, String at) {
        if (field == null || !NAME.matcher(field).matches()) {
            throw ApiProblem.badRequest(at, "field API names only (letters, digits, underscores), got '" + field + "'");
        }
    }

    private static int level(Integer given, int otherwise, String field) {
        int level = given == null ? otherwise : given;
        if (level < 0 || level > MAX_LEVELS) {
            throw ApiProblem.badRequest(field, "must be between 0 and " + MAX_LEVELS + ", got " + level);
        }
        return level;
    }
}
