package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.FieldValues;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** getDeleted and getUpdated: ids of records deleted or changed in a time window (replicateable objects only). */
@ApplicationScoped
public class ReplicationService {

    private static final Duration MAX_AGE = Duration.ofDays(30);

    private final DescribeService describe;
    private final OrgService orgs;

    public ReplicationService(DescribeService describe, OrgService orgs) {
        this.describe = describe;
        this.orgs = orgs;
    }

    public Map<String, Object> deleted(String object, String start, String end) {
        SObjectTable table = replicateable(object);
        Window window = window(start, end);
        List<Map<String, Object>> deleted = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (!table.isDeleted(i)) {
                continue;
            }
            Instant at = Instant.ofEpochMilli(table.state(i).deletedAt());
            if (!at.isBefore(window.start) && !at.isAfter(window.end)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("deletedDate", FieldType.formatRestDateTime(at));
                entry.put("id", table.idOf(i));
                deleted.add(entry);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deletedRecords", deleted);
        // Nothing is ever purged from the emulated recycle bin, so everything inside the 30-day window is available.
        result.put("earliestDateAvailable", FieldType.formatRestDateTime(window.earliestAvailable));
        result.put("latestDateCovered", FieldType.formatRestDateTime(window.latestCovered));
        return result;
    }

    public Map<String, Object> updated(String object, String start, String end) {
        SObjectTable table = replicateable(object);
        Window window = window(start, end);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (table.isDeleted(i)) {
                continue;
            }
            RecordView record = table.view(i);
            Instant at = record.modifiedDate();
            if (!at.isBefore(window.start) && !at.isAfter(window.end)) {
                ids.add(record.id());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ids", ids);
        result.put("latestDateCovered", FieldType.formatRestDateTime(window.latestCovered));
        return result;
    }

    private SObjectTable replicateable(String object) {
        SObjectTable table = describe.table(object);
        if (!table.replicateable()) {
            throw new SalesforceApiException(400, "CANNOT_REPLICATE", "Cannot replicate " + table.name() + ": the object has no SystemModstamp");
        }
        return table;
    }

    private record Window(Instant start, Instant end, Instant latestCovered, Instant earliestAvailable) {
    }

    private Window window(String startText, String endText) {
        Instant start = parse("start", startText);
        Instant end = parse("end", endText);
        Instant now = Instant.ofEpochMilli(orgs.now());
        if (!end.isAfter(start)) {
            throw new SalesforceApiException(400, "INVALID_REPLICATION_DATE", "end date must be after start date");
        }
        if (start.isBefore(now.minus(MAX_AGE))) {
            throw new SalesforceApiException(400, "INVALID_REPLICATION_DATE", "startDate cannot be more than 30 days ago");
        }
        Instant covered = (end.isAfter(now) ? now : end).truncatedTo(ChronoUnit.MINUTES);
        return new Window(start, end, covered, now.minus(MAX_AGE).truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new SalesforceApiException(400, "MISSING_ARGUMENT", name + " parameter not specified");
        }
        try {
            // A '+' of an offset that the client did not percent-encode arrives as a space.
            return FieldValues.parseDateTime(text.trim().replace(' ', '+'));
        } catch (RuntimeException e) {
            throw new SalesforceApiException(400, "INVALID_REPLICATION_DATE", "Invalid " + name + " date: " + text
                    + ". Use ISO 8601, e.g. 2025-05-05T00:00:00+00:00");
        }
    }
}
