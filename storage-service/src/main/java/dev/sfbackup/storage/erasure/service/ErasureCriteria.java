package dev.sfbackup.storage.erasure.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.erasure.ErasureRequest;
import dev.sfbackup.storage.restorepoint.service.RestorePointService;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A checked erasure request: the records by id, or by one field's value (compared ignoring case, as emails are). */
record ErasureCriteria(UUID policyId, String object, Set<String> ids, String field, String value) {

    static final int MAX_IDS = 10_000;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,120}");

    static ErasureCriteria of(ErasureRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "required: {policyId, object, ids} or {policyId, object, where: {field: value}}");
        }
        UUID policyId = policy(request.policyId());
        if (request.object() == null || !RestorePointService.OBJECT_NAME.matcher(request.object()).matches()) {
            throw ApiProblem.badRequest("object", "required: an object API name such as Contact");
        }
        boolean byIds = request.ids() != null;
        boolean byWhere = request.where() != null;
        if (byIds == byWhere) {
            throw ApiProblem.badRequest("ids", "give either ids or where, not both and not neither");
        }
        return byIds ? new ErasureCriteria(policyId, request.object(), ids(request), null, null) : where(policyId, request);
    }

    /** The criterion as the report keeps it: never the value searched for. */
    String describe() {
        return ids != null ? "ids" : "where:" + field;
    }

    private static UUID policy(String policyId) {
        try {
            return UUID.fromString(policyId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest("policyId", "required: the policy's id (a UUID)");
        }
    }

    private static Set<String> ids(ErasureRequest request) {
        if (request.ids().isEmpty() || request.ids().size() > MAX_IDS) {
            throw ApiProblem.badRequest("ids", "1 to " + MAX_IDS + " record ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : request.ids()) {
            if (id == null || id.isBlank() || id.length() > 255) {
                throw ApiProblem.badRequest("ids", "every id must be 1 to 255 characters");
            }
            ids.add(id);
        }
        return ids;
    }

    private static ErasureCriteria where(UUID policyId, ErasureRequest request) {
        if (request.where().size() != 1) {
            throw ApiProblem.badRequest("where", "exactly one field and its value, such as {\"Email\": \"jane@example.com\"}");
        }
        Map.Entry<String, String> only = request.where().entrySet().iterator().next();
        if (!FIELD.matcher(only.getKey()).matches()) {
            throw ApiProblem.badRequest("where", "'" + only.getKey() + "' is not a field API name");
        }
        if (only.getValue() == null || only.getValue().isBlank()) {
            throw ApiProblem.badRequest("where." + only.getKey(), "required: the value whose records are erased");
        }
        return new ErasureCriteria(policyId, request.object(), null, only.getKey(), only.getValue());
    }
}
