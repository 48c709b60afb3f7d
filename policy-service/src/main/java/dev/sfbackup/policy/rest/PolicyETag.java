package dev.sfbackup.policy.rest;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.problem.Problem;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/** A policy's ETag is its version in quotes ("3"); If-Match carries it back on PUT and DELETE. */
record PolicyETag(long version) {

    static final String IF_MATCH = "If-Match";

    EntityTag toEntityTag() {
        return new EntityTag(Long.toString(version));
    }

    /** PUT and DELETE must say which version they change: without If-Match the answer is 428. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "Precondition Required", IF_MATCH + " is required: send the ETag of the policy you read"
                    + " (for example If-Match: \"3\"), so that concurrent edits cannot overwrite each other",
                    List.of(new Problem.FieldError(IF_MATCH, "required; the policy's ETag, e.g. \"3\"")));
        }
        return parse(ifMatch);
    }

    static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "Bad Request", IF_MATCH + ": expected a policy ETag such as \"3\", got " + ifMatch,
                    List.of(new Problem.FieldError(IF_MATCH, "expected a policy ETag such as \"3\"")));
        }
    }
}
