package dev.sfbackup.storage.erasure;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** POST /api/v1/erasures: the records of one object of a policy, by id or by one field's value (for example an email). */
@RegisterForReflection
public record ErasureRequest(String policyId, String object, List<String> ids, Map<String, String> where) {
}
