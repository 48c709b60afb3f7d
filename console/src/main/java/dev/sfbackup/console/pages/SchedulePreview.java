package dev.sfbackup.console.pages;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The next times a schedule fires, in words, computed as policy-service's scheduler does (cron-utils, Quartz
 * definition, in the schedule's time zone), so the preview is what will happen. error: why there is none.
 */
public record SchedulePreview(List<String> runs, String error) {

    static final int RUNS = 5;
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

    public static SchedulePreview of(String cron, String timeZone, Instant now) {
        if (cron == null || cron.isBlank()) {
            return new SchedulePreview(List.of(), "no schedule: runs only when started by hand");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
        } catch (DateTimeException e) {
            return new SchedulePreview(List.of(), "unknown time zone '" + timeZone + "' (e.g. UTC, Europe/Paris)");
        }
        ExecutionTime execution;
        try {
            execution = ExecutionTime.forCron(QUARTZ.parse(cron.strip()));
        } catch (IllegalArgumentException e) {
            return new SchedulePreview(List.of(), "not a Quartz cron expression: " + e.getMessage());
        }
        List<String> runs = new ArrayList<>();
        ZonedDateTime at = ZonedDateTime.ofInstant(now, zone);
        for (int i = 0; i < RUNS; i++) {
            Optional<ZonedDateTime> next = execution.nextExecution(at);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
            runs.add(WHEN.format(at));
        }
        return new SchedulePreview(List.copyOf(runs), runs.isEmpty() ? "this schedule never fires again" : null);
    }
}
