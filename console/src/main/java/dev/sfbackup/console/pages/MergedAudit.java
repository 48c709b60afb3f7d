package dev.sfbackup.console.pages;

import dev.sfbackup.api.audit.AuditEventView;
import dev.sfbackup.api.audit.AuditPage;
import dev.sfbackup.console.api.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The three services' audit trails as one, newest first. Page p of size s needs at most the newest (p+1)·s entries of
 * each service: each is asked for that many (its page 0), the answers are merged by time and the page cut out.
 */
public final class MergedAudit {

    private MergedAudit() {
    }

    /** An entry with the service that recorded it. */
    public record Entry(String service, AuditEventView event) {
    }

    public record Page(List<Entry> entries, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** How many entries each service is asked for to show page {@code page}. */
    public static int needed(int page, int size) {
        return (page + 1) * size;
    }

    public static Page merge(Map<Service, AuditPage> answers, int page, int size) {
        List<Entry> all = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Service, AuditPage> answer : answers.entrySet()) {
            String service = answer.getKey().name().toLowerCase(java.util.Locale.ROOT) + "-service";
            answer.getValue().items().forEach(event -> all.add(new Entry(service, event)));
            total += answer.getValue().total();
        }
        all.sort(Comparator.comparing((Entry e) -> e.event().at(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Entry::service).thenComparing(e -> -e.event().id()));
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page(List.copyOf(all.subList(from, to)), page, size, total);
    }
}
