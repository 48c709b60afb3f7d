package dev.sfbackup.console.pages;

import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionCounters;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.api.storage.cache.CacheView;
import dev.sfbackup.api.storage.cache.StorageLocation;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.console.api.ServiceFailure;
import dev.sfbackup.console.api.Suite;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every policy as a card with its last run, and the repositories with their cache. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private final Suite suite;
    private final Clock clock;

    public DashboardPage(Suite suite, Clock clock) {
        this.suite = suite;
        this.clock = clock;
    }

    /** A policy's card: its org and what its last run did (lastRun null before the first). */
    public record PolicyCard(PolicyView policy, String org, RunView lastRun, String status, String when, String duration,
            long records, long bytes, long apiCalls, String nextRun) {
    }

    /** A repository with its cache: bytes used and restore points still waiting there for upload. */
    public record RepositoryRow(RepositoryView repository, boolean cacheEnabled, long cacheBytes, long waiting) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<PolicyCard> cards, List<RepositoryRow> repositories);
    }

    @GET
    public TemplateInstance dashboard() {
        Instant now = clock.instant();
        Map<UUID, String> orgs = orgNames();
        List<PolicyCard> cards = new ArrayList<>();
        for (PolicyView policy : suite.policies()) {
            cards.add(card(policy, orgs.getOrDefault(policy.connectionId(), String.valueOf(policy.connectionId())), now));
        }
        List<RepositoryRow> repositories = new ArrayList<>();
        for (RepositoryView repository : suite.repositories()) {
            repositories.add(repositoryRow(repository));
        }
        return Templates.dashboard(cards, repositories);
    }

    private PolicyCard card(PolicyView policy, String org, Instant now) {
        String next = policy.enabled() ? Formats.nextRun(policy.schedule(), now).map(Formats::at).orElse("by hand only") : "disabled";
        List<RunView> runs = suite.runs(policy.id());
        if (runs.isEmpty()) {
            return new PolicyCard(policy, org, null, "none", "never", "—", 0, 0, 0, next);
        }
        RunView last = runs.getFirst();
        long records = 0;
        long bytes = 0;
        long apiCalls = 0;
        for (SessionView session : suite.sessions(policy.id(), 0, 100).items()) {
            if (last.id().equals(session.runId()) && session.counters() != null) {
                SessionCounters c = session.counters();
                records += c.recordsRead();
                bytes += c.bytes();
                apiCalls += c.apiCalls();
            }
        }
        return new PolicyCard(policy, org, last, Formats.statusClass(last.status()), Formats.at(last.startedAt()),
                Formats.duration(last.startedAt(), last.endedAt(), now), records, bytes, apiCalls, next);
    }

    private RepositoryRow repositoryRow(RepositoryView repository) {
        CacheView cache;
        try {
            cache = suite.cache(repository.id());
        } catch (ServiceFailure failure) {
            if (failure.status() != 404) {
                throw failure;
            }
            return new RepositoryRow(repository, false, 0, 0); // a repository without a backup cache
        }
        long waiting = cache.points().stream().filter(p -> p.location() != StorageLocation.REPOSITORY).count();
        boolean enabled = cache.settings() != null && Boolean.TRUE.equals(cache.settings().enabled());
        return new RepositoryRow(repository, enabled, cache.usedBytes(), waiting);
    }

    private Map<UUID, String> orgNames() {
        try {
            return suite.connections().stream().collect(Collectors.toMap(ConnectionView::id, ConnectionView::name, (a, b) -> a));
        } catch (ServiceFailure refused) {
            return Map.of();
        }
    }

    static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
