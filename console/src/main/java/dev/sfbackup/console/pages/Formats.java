package dev.sfbackup.console.pages;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.sfbackup.api.policy.PolicySchedule;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How the console writes times, durations and sizes; also usable in templates ({@code {when.at}}, {@code {n.bytes}}). */
public final class Formats {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private Formats() {
    }

    @TemplateExtension
    public static String at(Instant instant) {
        return instant == null ? "—" : AT.format(instant);
    }

    /** From start to end, or to now while it runs. */
    public static String duration(Instant start, Instant end, Instant now) {
        if (start == null) {
            return "—";
        }
        Duration d = Duration.between(start, end != null ? end : now);
        if (d.toHours() > 0) {
            return "%dh %02dm".formatted(d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return "%dm %02ds".formatted(d.toMinutes(), d.toSecondsPart());
        }
        return "%d.%01ds".formatted(d.toSeconds(), d.toMillisPart() / 100);
    }

    @TemplateExtension
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @TemplateExtension
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The schedule's next firing after now, in its time zone; empty for a policy run by hand only or a cron not understood. */
    public static Optional<Instant> nextRun(PolicySchedule schedule, Instant now) {
        if (schedule == null || schedule.cron() == null || schedule.cron().isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(schedule.timeZone() == null ? "UTC" : schedule.timeZone());
            return ExecutionTime.forCron(QUARTZ.parse(schedule.cron())).nextExecution(ZonedDateTime.ofInstant(now, zone))
                    .map(ZonedDateTime::toInstant);
        } catch (RuntimeException notUnderstood) {
            return Optional.empty();
        }
    }

    /** A status as a CSS class suffix; "none" before the first run. */
    public static String statusClass(Object status) {
        return status == null ? "none" : status.toString();
    }
}
