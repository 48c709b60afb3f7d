package dev.sfbackup.session.service;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.repository.RunRepository;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The transactional steps of starting a run: reserve it (one active run per policy), then store its plan or end it
 * FAILED with the reason it could not be planned.
 */
@ApplicationScoped
public class RunStore {

    private final RunRepository runs;
    private final SessionRepository sessions;
    private final TaskRepository tasks;
    private final SessionJournal journal;
    private final Clock clock;

    public RunStore(RunRepository runs, SessionRepository sessions, TaskRepository tasks, SessionJournal journal, Clock clock) {
        this.runs = runs;
        this.sessions = sessions;
        this.tasks = tasks;
        this.journal = journal;
        this.clock = clock;
    }

    /** Inserts a PENDING run; the partial unique index on run(policy_id) rejects a second active run of the policy. */
    @Transactional
    public Run reserve(PolicyView policy, StartRun.Trigger trigger) {
        PolicyOptions options = policy.options();
        Run run = new Run();
        run.id = UUID.randomUUID();
        run.policyId = policy.id();
        run.connectionId = policy.connectionId();
        run.kind = dev.sfbackup.api.session.BackupKind.INITIAL;
        run.trigger = trigger.name();
        run.status = SessionStatus.PENDING;
        run.parallelism = options == null || options.parallelism() == null ? 4 : options.parallelism();
        run.apiBudgetPercent = options == null || options.apiBudgetPercent() == null ? 50 : options.apiBudgetPercent();
        Duration inactivity = options == null || options.inactivityTimeout() == null ? Duration.ofHours(24) : options.inactivityTimeout();
        run.inactivityTimeoutMillis = inactivity.toMillis();
        run.createdAt = clock.instant();
        run.startedAt = run.createdAt;
        run.planningHeartbeatAt = run.createdAt;
        runs.persistAndFlush(run);
        return run;
    }

    /** Removes a reserved run that was never planned (a restore whose request could not be stored). */
    @Transactional
    public void forget(UUID runId) {
        runs.deleteById(runId);
    }

    /** Ends a run that could not be planned FAILED with the reason; false when it had already ended or was planned. */
    @Transactional
    public boolean failPlanning(UUID runId, String reason) {
        Run run = runs.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status != SessionStatus.PENDING || !sessions.byRun(runId).isEmpty()) {
            return false;
        }
        run.status = SessionStatus.FAILED;
        run.failureReason = reason;
        run.endedAt = clock.instant();
        return true;
    }

    /** The planner of these runs is alive. */
    @Transactional
    public void renewPlanning(Collection<UUID> runIds) {
        runs.update("planningHeartbeatAt = ?1 where id in ?2", clock.instant(), runIds);
    }

    /** PENDING runs without sessions whose planner stopped renewing their heartbeat before {@code cutoff}. */
    @Transactional
    public List<Run> abandonedPlanning(Instant cutoff) {
        return runs.list("status = ?1 and planningHeartbeatAt < ?2 and not exists (from Session s where s.runId = id)",
                SessionStatus.PENDING, cutoff);
    }

    /** Stores the plan of a PENDING run; a run that ended meanwhile (its planning was declared abandoned) keeps its end. */
    @Transactional
    public RunView storePlan(UUID runId, PlannedRun planned) {
        Run run = runs.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run.status != SessionStatus.PENDING || !sessions.byRun(runId).isEmpty()) {
            return Views.run(run, sessions.byRun(runId));
        }
        run.kind = planned.kind();
        run.parallelism = planned.plan().parallelism();
        List<Session> created = new ArrayList<>();
        int ordinal = 0;
        for (PlannedSession plannedSession : planned.plan().sessions()) {
            Session session = new Session();
            session.id = UUID.randomUUID();
            session.runId = run.id;
            session.policyId = run.policyId;
            session.connectionId = run.connectionId;
            session.type = plannedSession.type();
            session.kind = planned.kind();
            session.status = SessionStatus.PENDING;
            session.label = plannedSession.label();
            session.createdAt = clock.instant();
            sessions.persist(session);
            created.add(session);
            for (PlannedTask plannedTask : plannedSession.tasks()) {
                Task task = new Task();
                task.id = UUID.randomUUID();
                task.sessionId = session.id;
                task.runId = run.id;
                task.ordinal = ordinal++;
                task.kind = plannedTask.kind();
                task.stage = plannedTask.stage();
                task.objectName = plannedTask.object();
                task.expectedRecords = plannedTask.expectedRecords();
                task.status = TaskStatus.PENDING;
                tasks.persist(task);
            }
        }
        if (created.isEmpty()) {
            run.status = SessionStatus.SUCCESS;
            run.endedAt = clock.instant();
        }
        for (Session session : created) {
            planned.decisions().forEach(decision -> journal.info(session.id, null, decision));
        }
        return Views.run(run, created);
    }
}
