package dev.sfbackup.policy.service;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.time.ExecutionTime;
import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyRequest;
import dev.sfbackup.api.policy.PolicySchedule;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.common.problem.ApiProblem;
import io.quarkus.scheduler.common.runtime.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the shape of a policy request (references to other rows are checked by PolicyService). */
final class PolicyValidator {

    /** Salesforce API names: Account, My_Object__c, ns__Thing__c, Custom_Field__c. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,254}");
    /** The parser quarkus-scheduler itself uses for cron-type quartz (the default). */
    private static final CronParser CRON = new CronParser(CronType.QUARTZ);
    private static final Pattern SINGLE_SECOND = Pattern.compile("[0-5]?[0-9]");
    /** Most entries of a scope list (objects, exclusions, field exclusions): far above any org's object count. */
    static final int MAX_OBJECTS = 5_000;
    /** Longest retention: a century. */
    static final int MAX_RETENTION_DAYS = 36_500;
    private static final String API_NAME_RULE = "must be a Salesforce API name (letters, digits, underscores; starting with a letter)";

    private PolicyValidator() {
    }

    static void check(PolicyRequest request, Instant now) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "a policy object is required");
        }
        FieldErrors errors = new FieldErrors();
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name", "must not be empty");
        } else if (request.name().length() > 200) {
            errors.add("name", "must be at most 200 characters");
        }
        if (request.connectionId() == null) {
            errors.add("connectionId", "is required: the id of a connection from /api/v1/connections");
        }
        checkScope(request.scope(), errors);
        if (request.repositoryId() == null && needsRepository(request.scope())) {
            errors.add("repositoryId", "is required when scope.includeFiles or scope.includeMetadata is true (both default to true)");
        }
        checkSchedule(request.schedule(), now, errors);
        if (request.retentionDays() != null && (request.retentionDays() < 1 || request.retentionDays() > MAX_RETENTION_DAYS)) {
            errors.add("retentionDays", "must be between 1 and " + MAX_RETENTION_DAYS + " (days); got " + request.retentionDays());
        }
        checkOptions(request.options(), errors);
        errors.throwIfAny();
    }

    static boolean isValidApiName(String name) {
        return name != null && API_NAME.matcher(name).matches();
    }

    private static boolean needsRepository(PolicyScope scope) {
        return scope == null
                || PolicyDefaults.orDefault(scope.includeFiles(), PolicyDefaults.INCLUDE_FILES)
                || PolicyDefaults.orDefault(scope.includeMetadata(), PolicyDefaults.INCLUDE_METADATA);
    }

    private static void checkScope(PolicyScope scope, FieldErrors errors) {
        if (scope == null) {
            return;
        }
        if (tooMany("scope.objects", scope.objects(), errors) | tooMany("scope.exclude", scope.exclude(), errors)
                | tooMany("scope.fieldExclusions", scope.fieldExclusions() == null ? null : scope.fieldExclusions().keySet(), errors)) {
            return;
        }
        List<String> objects = scope.objects();
        if (objects != null) {
            if (objects.isEmpty()) {
                errors.add("scope.objects", "must be [\"all\"] or list at least one object");
            } else if (objects.contains(PolicyDefaults.ALL_OBJECTS) && objects.size() > 1) {
                errors.add("scope.objects", "\"all\" stands alone; list object names or [\"all\"], not both");
            } else if (!objects.equals(PolicyDefaults.OBJECTS)) {
                checkNames("scope.objects", objects, errors);
            }
        }
        if (scope.exclude() != null) {
            checkNames("scope.exclude", scope.exclude(), errors);
        }
        if (scope.fieldExclusions() != null) {
            for (Map.Entry<String, List<String>> entry : scope.fieldExclusions().entrySet()) {
                String field = "scope.fieldExclusions." + entry.getKey();
                if (!isValidApiName(entry.getKey())) {
                    errors.add(field, "the key " + API_NAME_RULE);
                } else if (entry.getValue() == null || entry.getValue().size() > MAX_OBJECTS) {
                    errors.add(field, "must be an array of at most " + MAX_OBJECTS + " field names");
                } else {
                    checkNames(field, entry.getValue(), errors);
                }
            }
        }
    }

    private static boolean tooMany(String field, java.util.Collection<String> values, FieldErrors errors) {
        if (values != null && values.size() > MAX_OBJECTS) {
            errors.add(field, "must hold at most " + MAX_OBJECTS + " entries; got " + values.size());
            return true;
        }
        return false;
    }

    private static void checkNames(String field, List<String> names, FieldErrors errors) {
        for (int i = 0; i < names.size(); i++) {
            if (!isValidApiName(names.get(i))) {
                errors.add(field + "[" + i + "]", API_NAME_RULE + "; got " + quoted(names.get(i)));
            }
        }
    }

    private static void checkSchedule(PolicySchedule schedule, Instant now, FieldErrors errors) {
        if (schedule == null) {
            return;
        }
        ZoneId zone = ZoneOffset.UTC;
        if (schedule.timeZone() != null) {
            try {
                zone = ZoneId.of(schedule.timeZone());
            } catch (DateTimeException e) {
                errors.add("schedule.timeZone", "must be a time-zone id such as UTC or Europe/Paris; got " + quoted(schedule.timeZone()));
            }
        }
        if (schedule.cron() == null || schedule.cron().isBlank()) {
            errors.add("schedule.cron", "is required in a schedule (omit schedule for manual runs only); for example \"0 0 2 * * ?\"");
        } else {
            checkCron(schedule.cron().strip(), now.atZone(zone), errors);
        }
    }

    /**
     * A valid Quartz cron that fires at most once a minute (its seconds field one number: runs start in distinct minutes)
     * and fires at least once more after now.
     */
    private static void checkCron(String cron, ZonedDateTime now, FieldErrors errors) {
        Cron parsed;
        try {
            parsed = CRON.parse(cron);
        } catch (IllegalArgumentException e) {
            errors.add("schedule.cron", "is not a valid Quartz cron (seconds minutes hours day-of-month month day-of-week [year],"
                    + " for example \"0 0 2 * * ?\"): " + e.getMessage());
            return;
        }
        if (!SINGLE_SECOND.matcher(cron.split("\\s+", 2)[0]).matches()) {
            errors.add("schedule.cron", "may fire at most once a minute: its seconds field must be one number from 0 to 59,"
                    + " for example \"0 */15 * * * ?\"");
            return;
        }
        if (ExecutionTime.forCron(parsed).nextExecution(now).isEmpty()) {
            errors.add("schedule.cron", "never fires after " + now.toInstant() + "; omit schedule for manual runs only");
        }
    }

    private static void checkOptions(PolicyOptions options, FieldErrors errors) {
        if (options == null) {
            return;
        }
        if (options.largeObjectThreshold() != null && options.largeObjectThreshold() < 1) {
            errors.add("options.largeObjectThreshold", "must be at least 1 (records); got " + options.largeObjectThreshold());
        }
        Duration timeout = options.inactivityTimeout();
        if (timeout != null && timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            errors.add("options.inactivityTimeout", "must be at least PT1S; got " + timeout);
        }
        if (options.parallelism() != null && (options.parallelism() < 1 || options.parallelism() > 64)) {
            errors.add("options.parallelism", "must be between 1 and 64; got " + options.parallelism());
        }
        if (options.apiBudgetPercent() != null && (options.apiBudgetPercent() < 1 || options.apiBudgetPercent() > 100)) {
            errors.add("options.apiBudgetPercent", "must be between 1 and 100 (percent of the org's daily API limit); got "
                    + options.apiBudgetPercent());
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
