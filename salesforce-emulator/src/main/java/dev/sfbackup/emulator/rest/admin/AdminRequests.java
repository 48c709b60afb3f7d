package dev.sfbackup.emulator.rest.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** Bodies of the admin API. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** POST /emulator/admin/reset: objects not named keep their demo sizes; an empty body gives the demo org. */
    @RegisterForReflection
    public record Reset(Long seed, Map<String, Integer> objects, Files files, Long apiLimit) {
    }

    @RegisterForReflection
    public record Files(Integer count, Integer meanBytes) {
    }

    @RegisterForReflection
    public record Mutate(String object, Integer update, Integer delete, Integer undelete, Integer insert, Map<String, Object> set,
            Integer stampedSecondsAgo) {
    }

    /** POST /emulator/admin/fields: {@code referenceTo} only for a lookup (type reference). */
    @RegisterForReflection
    public record AddField(String object, String name, String type, Integer length, Boolean unique, String referenceTo) {
    }

    /** POST /emulator/admin/validation-rules: give exactly one of rejectWhenEquals and rejectWhenBlank: true. */
    @RegisterForReflection
    public record AddValidationRule(String object, String field, Object rejectWhenEquals, Boolean rejectWhenBlank, String message) {
    }

    /** POST /emulator/admin/recycle-bin/purge: one object, or every object when absent. */
    @RegisterForReflection
    public record Purge(String object) {
    }

    /** POST /emulator/admin/settings. */
    @RegisterForReflection
    public record Settings(Boolean auditFieldsCreateable) {
    }

    @RegisterForReflection
    public record AddObject(String name, Integer records, Boolean incremental, List<FieldSpec> fields, List<String> requireFilterOn) {
    }

    @RegisterForReflection
    public record FieldSpec(String name, String type) {
    }

    @RegisterForReflection
    public record AddFault(String object, String call, String errorCode, Integer status, String message, Integer times,
            Long latencyMs, Boolean hold, Integer maxRecordsAbove, Integer jobRecordsAbove) {
    }

    @RegisterForReflection
    public record SetUsage(Long used, Long limit) {
    }
}
