package dev.sfbackup.session.restore;

import dev.sfbackup.api.restore.RestoreView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.OrgScope;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.repository.RunRepository;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import dev.sfbackup.session.service.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the API answers about restores: their status, sessions and counters, and stopping them. */
@ApplicationScoped
public class RestoreQueries {

    private final RunRepository runs;
    private final SessionRepository sessions;
    private final SessionService sessionService;
    private final RestoreJobs jobs;
    private final RestoreReport report;
    private final OrgScope scope;

    public RestoreQueries(RunRepository runs, SessionRepository sessions, SessionService sessionService, RestoreJobs jobs,
            RestoreReport report, OrgScope scope) {
        this.runs = runs;
        this.sessions = sessions;
        this.sessionService = sessionService;
        this.jobs = jobs;
        this.report = report;
        this.scope = scope;
    }

    @Transactional
    public RestoreView get(UUID restoreId) {
        Run run = visible(restoreId);
        RestoreJob job = jobs.find(restoreId).orElseThrow(() -> ApiProblem.notFound("restore", restoreId));
        List<String> objects = jobs.selections(restoreId).stream().map(ObjectSelection::object).sorted().toList();
        List<Session> ofRun = sessions.byRun(restoreId);
        return new RestoreView(run.id, job.policyId(), job.targetConnectionId(), job.restorePointId(),
                job.restorePointId() == null ? job.asOf() : null, job.mode(), job.dryRun(), objects, run.status,
                run.startedAt, run.endedAt, ofRun.stream().map(s -> new RunView.SessionSummary(s.id, s.type, s.status)).toList(),
                report.counters(restoreId));
    }

    @Transactional
    public List<RestoreView> list(UUID policyId) {
        return jobs.newest(policyId, scope.limitedTo()).stream().map(this::get).toList();
    }

    /** Asks every unfinished session of the restore to stop: unstarted objects stay unwritten, running ones end after their chunk. */
    public RestoreView stop(UUID restoreId) {
        visibleRestore(restoreId);
        for (Session session : sessionsOf(restoreId)) {
            if (!session.isFinished()) {
                sessionService.stop(session.id);
            }
        }
        return get(restoreId);
    }

    /** Throws 404 unless the restore exists and the caller may see its org. */
    @Transactional
    public void visibleRestore(UUID restoreId) {
        visible(restoreId);
        jobs.find(restoreId).orElseThrow(() -> ApiProblem.notFound("restore", restoreId));
    }

    private List<Session> sessionsOf(UUID restoreId) {
        return sessions.byRun(restoreId);
    }

    private Run visible(UUID restoreId) {
        return Optional.ofNullable(runs.findById(restoreId))
                .filter(run -> run.kind == BackupKind.RESTORE && scope.allows(run.connectionId))
                .orElseThrow(() -> ApiProblem.notFound("restore", restoreId));
    }
}
