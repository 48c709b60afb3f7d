package dev.sfbackup.console.pages;

import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunAnomaly;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionCounters;
import dev.sfbackup.api.session.SessionPage;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.ServiceFailure;
import dev.sfbackup.console.api.Suite;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Every policy as a card with its last run, the anomalies of recent runs, and the repositories with their cache. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private final Suite suite;
    private final RepositoryRows repositoryRows;
    private final Clock clock;

    public DashboardPage(Suite suite, RepositoryRows repositoryRows, Clock clock) {
        this.suite = suite;
        this.repositoryRows = repositoryRows;
        this.clock = clock;
    }

    /** A policy's card: its org and what its last run did (lastRun null before the first). */
    public record PolicyCard(PolicyView policy, String org, RunView lastRun, String status, String when, String duration,
            long records, long bytes, long apiCalls, String nextRun, List<Day> days) {
    }

    /** One of the last 14 days (UTC): how many runs started then and the worst status among them ("none" without). */
    public record Day(String date, int runs, String status) {
    }

    /** Worst first: a day shows the worst status of its runs. */
    private static final List<SessionStatus> SEVERITY = List.of(SessionStatus.FAILED, SessionStatus.WARNING,
            SessionStatus.STOPPED, SessionStatus.RUNNING, SessionStatus.PENDING, SessionStatus.SUCCESS);

    /** A run of the last 14 days that saw something unusual (mass deletions, far more changes than usual). */
    public record AnomalyRow(PolicyView policy, RunView run, String when, RunAnomaly anomaly) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<PolicyCard> cards, List<AnomalyRow> anomalies,
                List<RepositoryRows.RepositoryRow> repositories);
    }

    /**
     * The reads overlap: policies, connections and repositories at once; then every policy's runs and sessions and
     * every repository's cache at once. The page waits about two calls' time, not one per policy and repository.
     */
    @GET
    public TemplateInstance dashboard() {
        Instant now = clock.instant();
        CompletableFuture<List<PolicyView>> policiesLater = suite.policiesLater();
        CompletableFuture<List<ConnectionView>> connectionsLater = suite.connectionsLater();
        CompletableFuture<List<RepositoryView>> repositoriesLater = suite.repositoriesLater();
        List<PolicyView> policies = ServiceApi.await(policiesLater);
        Map<UUID, CompletableFuture<List<RunView>>> runs = new LinkedHashMap<>();
        Map<UUID, CompletableFuture<SessionPage>> sessions = new LinkedHashMap<>();
        for (PolicyView policy : policies) {
            runs.put(policy.id(), suite.runsLater(policy.id()));
            sessions.put(policy.id(), suite.sessionsLater(policy.id(), 0, 100));
        }
        List<RepositoryRows.RepositoryRow> repositories = repositoryRows.of(ServiceApi.await(repositoriesLater));
        Map<UUID, String> orgs = orgNames(connectionsLater);
        List<PolicyCard> cards = new ArrayList<>();
        List<AnomalyRow> anomalies = new ArrayList<>();
        for (PolicyView policy : policies) {
            List<RunView> policyRuns = ServiceApi.await(runs.get(policy.id()));
            cards.add(card(policy, orgs.getOrDefault(policy.connectionId(), String.valueOf(policy.connectionId())), policyRuns,
                    sessions.get(policy.id()), now));
            anomalies.addAll(anomalies(policy, policyRuns, now));
        }
        anomalies.sort(Comparator.comparing((AnomalyRow a) -> a.run().startedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        return Templates.dashboard(cards, anomalies, repositories);
    }

    /** The anomalies of a policy's runs started in the last 14 days, one row each. */
    static List<AnomalyRow> anomalies(PolicyView policy, List<RunView> runs, Instant now) {
        Instant since = now.minus(Duration.ofDays(14));
        List<AnomalyRow> rows = new ArrayList<>();
        for (RunView run : runs) {
            if (run.anomalies() == null || run.startedAt() == null || run.startedAt().isBefore(since)) {
                continue;
            }
            run.anomalies().forEach(a -> rows.add(new AnomalyRow(policy, run, Formats.at(run.startedAt()), a)));
        }
        return rows;
    }

    private PolicyCard card(PolicyView policy, String org, List<RunView> runs, CompletableFuture<SessionPage> sessionsLater, Instant now) {
        String next = policy.enabled() ? Formats.nextRun(policy.schedule(), now).map(Formats::at).orElse("by hand only") : "disabled";
        if (runs.isEmpty()) {
            return new PolicyCard(policy, org, null, "none", "never", "—", 0, 0, 0, next, lastDays(runs, now));
        }
        RunView last = runs.getFirst();
        long records = 0;
        long bytes = 0;
        long apiCalls = 0;
        for (SessionView session : ServiceApi.await(sessionsLater).items()) {
            if (last.id().equals(session.runId()) && session.counters() != null) {
                SessionCounters c = session.counters();
                records += c.recordsRead();
                bytes += c.bytes();
                apiCalls += c.apiCalls();
            }
        }
        return new PolicyCard(policy, org, last, Formats.statusClass(last.status()), Formats.at(last.startedAt()),
                Formats.duration(last.startedAt(), last.endedAt(), now), records, bytes, apiCalls, next, lastDays(runs, now));
    }

    static List<Day> lastDays(List<RunView> runs, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Day> days = new ArrayList<>();
        for (int back = 13; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            List<RunView> ofDay = runs.stream()
                    .filter(r -> r.startedAt() != null && LocalDate.ofInstant(r.startedAt(), ZoneOffset.UTC).equals(day)).toList();
            String status = SEVERITY.stream().filter(s -> ofDay.stream().anyMatch(r -> r.status() == s)).findFirst()
                    .map(Enum::name).orElse("none");
            days.add(new Day(day.toString(), ofDay.size(), status));
        }
        return days;
    }

    private static Map<UUID, String> orgNames(CompletableFuture<List<ConnectionView>> connections) {
        try {
            return ServiceApi.await(connections).stream().collect(Collectors.toMap(ConnectionView::id, ConnectionView::name, (a, b) -> a));
        } catch (ServiceFailure refused) {
            return Map.of();
        }
    }
}
