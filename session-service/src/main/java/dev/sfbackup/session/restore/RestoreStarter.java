package dev.sfbackup.session.restore;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.restore.RestoreMode;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.security.OrgScope;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.restore.files.FileLeases;
import dev.sfbackup.session.restore.persistence.BackupRunEnds;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import dev.sfbackup.session.restore.planning.RestorePlanner;
import dev.sfbackup.session.restore.planning.RestoreRequestCheck;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunPlan;
import dev.sfbackup.session.service.RunStarted;
import dev.sfbackup.session.service.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts a restore: checks the request, resolves its point and target org, plans its objects (hierarchy, order),
 * leases the restore points it reads, and stores it as a run of kind RESTORE whose tasks the engine claims.
 */
@ApplicationScoped
public class RestoreStarter {

    private static final Logger LOG = Logger.getLogger(RestoreStarter.class);
    private static final Duration LEASE_TTL = Duration.ofDays(2);

    private final PolicyClient policies;
    private final StorageClient storage;
    private final SalesforceConnections connections;
    private final RunStore runs;
    private final RestoreJobs jobs;
    private final BackupRunEnds backupRuns;
    private final Event<RunStarted> started;
    private final OrgScope scope;
    private final PointDescribes describes;
    private final Clock clock;
    private final FileLeases fileLeases;

    public RestoreStarter(PolicyClient policies, StorageClient storage, SalesforceConnections connections, RunStore runs,
            RestoreJobs jobs, BackupRunEnds backupRuns, Event<RunStarted> started, OrgScope scope, PointDescribes describes,
            Clock clock, FileLeases fileLeases) {
        this.fileLeases = fileLeases;
        this.policies = policies;
        this.storage = storage;
        this.connections = connections;
        this.runs = runs;
        this.jobs = jobs;
        this.backupRuns = backupRuns;
        this.started = started;
        this.scope = scope;
        this.describes = describes;
        this.clock = clock;
    }

    public UUID start(RestoreRequest request) {
        RestoreRequestCheck.validate(request);
        RestoreMode mode = RestoreRequestCheck.mode(request);
        PolicyView policy = policy(request.policyId());
        UUID target = request.target() != null && request.target().connectionId() != null
                ? request.target().connectionId() : policy.connectionId();
        if (!scope.allows(target)) {
            throw ApiProblem.unprocessable("target.connectionId", "connection " + target + " does not exist in policy-service");
        }
        SalesforceConnection org = targetOrg(target);
        Instant asOf = request.restorePointId() != null ? pointTime(request.restorePointId(), policy.id()) : request.asOf();
        Set<String> backedUp = storage.backedUpObjects(policy.id());
        List<ObjectSelection> requested = new ArrayList<>();
        List<RestoreRequest.ObjectScope> objects = request.objects() == null ? List.of() : request.objects();
        for (int i = 0; i < objects.size(); i++) {
            RestoreRequest.ObjectScope object = objects.get(i);
            if (!backedUp.contains(object.object())) {
                throw ApiProblem.unprocessable("objects[" + i + "].object", "policy " + policy.id() + " has no backup of "
                        + object.object() + "; backed up: " + backedUp);
            }
            requested.add(ObjectSelection.named(object.object(), object.ids(), object.where(), object.fields()));
        }
        List<RestorePlanner.PlannedObject> planned = plan(org, backedUp, requested, request, policy.id(), asOf);
        RestoreJob job = new RestoreJob(null, policy.id(), target, request.restorePointId(), asOf, mode,
                Boolean.TRUE.equals(request.dryRun()), null, null);
        return store(policy, job, request, planned);
    }

    private UUID store(PolicyView policy, RestoreJob job, RestoreRequest request, List<RestorePlanner.PlannedObject> planned) {
        Run run = reserve(policy);
        RestoreJob reserved = new RestoreJob(run.id, job.policyId(), job.targetConnectionId(), job.restorePointId(),
                job.asOf(), job.mode(), job.dryRun(), null, null);
        try {
            jobs.retarget(run.id, job.targetConnectionId());
            jobs.insert(reserved, request, clock.instant());
            jobs.select(run.id, planned.stream().map(RestorePlanner.PlannedObject::selection).toList());
            lease(reserved, planned);
            fileLeases.lease(reserved, request.files());
            runs.storePlan(run.id, new PlannedRun(BackupKind.RESTORE, new RunPlan(List.of(session(planned, request.files() != null)),
                    parallelism(policy)), decisions(reserved, request, planned)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "restore %s of policy %s could not be stored", run.id, policy.id());
            release(run.id);
            jobs.forget(run.id);
            runs.forget(run.id);
            throw e instanceof ApiProblem problem ? problem
                    : ApiProblem.unavailable("cannot start restore of policy " + policy.id() + ": " + e.getMessage());
        }
        started.fire(new RunStarted(run.id));
        return run.id;
    }

    private static PlannedSession session(List<RestorePlanner.PlannedObject> planned, boolean files) {
        List<PlannedTask> tasks = new ArrayList<>();
        int last = 0;
        for (RestorePlanner.PlannedObject object : planned) {
            tasks.add(new PlannedTask(RestoreTaskKind.RESTORE_RECORDS.name(), object.selection().object(), null, object.stage()));
            last = Math.max(last, object.stage());
        }
        int lookups = last + 1;
        for (RestorePlanner.PlannedObject object : planned) {
            if (!object.selection().laterLookups().isEmpty()) {
                // after every record task: the lookups closing a cycle point at records that all exist by then
                tasks.add(new PlannedTask(RestoreTaskKind.RESTORE_LOOKUPS.name(), object.selection().object(), null, lookups));
                last = lookups;
            }
        }
        if (files) {
            // after every record task, so the files' parents exist under their target ids
            tasks.add(new PlannedTask(RestoreTaskKind.RESTORE_FILES.name(), "files", null, ++last));
        }
        tasks.add(new PlannedTask(RestoreTaskKind.RESTORE_RELEASE.name(), "leases", null, last + 1));
        return new PlannedSession(SessionType.RESTORE, "restore", tasks);
    }

    private static List<String> decisions(RestoreJob job, RestoreRequest request, List<RestorePlanner.PlannedObject> planned) {
        List<String> lines = new ArrayList<>();
        lines.add((job.dryRun() ? "dry run (nothing is written): " : "") + "restore " + job.mode() + " as of " + job.asOf()
                + (job.restorePointId() == null ? "" : " (restore point " + job.restorePointId() + ")")
                + " into connection " + job.targetConnectionId());
        if (request.files() != null) {
            lines.add("files: " + (request.files().ids() == null ? "" : request.files().ids().size() + " ids ")
                    + (request.files().allOfTheRecords() ? "and every file of the records restored" : "") + ", after the records");
        }
        for (RestorePlanner.PlannedObject object : planned) {
            ObjectSelection selection = object.selection();
            lines.add(selection.object() + " in stage " + object.stage() + ": " + (selection.all() ? "all records"
                    : (selection.ids().isEmpty() ? "" : selection.ids().size() + " ids ")
                    + (selection.where().isEmpty() ? "" : "where " + selection.where() + " ")
                    + (selection.links().isEmpty() ? "" : "reached by " + selection.links()))
                    + (selection.fields().isEmpty() ? "" : ", fields " + selection.fields())
                    + (selection.laterLookups().isEmpty() ? "" : ", lookups " + selection.laterLookups() + " after every object's records"));
        }
        return lines;
    }

    /** By the describes stored with the points read (the lookups as they were then), else the target org's. */
    private List<RestorePlanner.PlannedObject> plan(SalesforceConnection org, Set<String> backedUp,
            List<ObjectSelection> requested, RestoreRequest request, UUID policyId, Instant asOf) {
        try {
            return new RestorePlanner(describes.asOf(policyId, asOf, org::describe), backedUp)
                    .plan(requested, RestoreRequestCheck.parents(request), RestoreRequestCheck.children(request));
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            throw ApiProblem.unavailable("cannot describe the objects to restore in the target org: " + e.getMessage());
        }
    }

    /** Leases, for each object, the restore point its records are read from, so retention keeps it. */
    private void lease(RestoreJob job, List<RestorePlanner.PlannedObject> planned) {
        for (RestorePlanner.PlannedObject object : planned) {
            Optional<RestorePointView> point = describes.pointAt(job.policyId(), job.asOf(), object.selection().object());
            if (point.isPresent()) {
                var lease = storage.lease(point.get().id(), "restore " + job.runId(), LEASE_TTL);
                jobs.leased(job.runId(), new RestoreJobs.Lease(point.get().id(), lease.id()));
            }
        }
    }

    private void release(UUID runId) {
        for (RestoreJobs.Lease lease : jobs.leases(runId)) {
            try {
                storage.release(lease.restorePointId(), lease.leaseId());
            } catch (RuntimeException e) {
                LOG.warnf(e, "lease %s of restore %s not released; it expires on its own", lease.leaseId(), runId);
            }
        }
    }

    private Run reserve(PolicyView policy) {
        try {
            return runs.reserve(policy, StartRun.Trigger.MANUAL);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw ApiProblem.conflict("policyId", "policy " + policy.id()
                            + " already has an active run or restore; wait for it to end or stop it");
                }
            }
            throw e;
        }
    }

    private static int parallelism(PolicyView policy) {
        return policy.options() == null || policy.options().parallelism() == null ? 4 : policy.options().parallelism();
    }

    private PolicyView policy(UUID policyId) {
        Optional<PolicyView> policy;
        try {
            policy = policies.policy(policyId);
        } catch (RuntimeException e) {
            throw ApiProblem.unavailable("policy-service cannot be reached to read policy " + policyId + ": " + e.getMessage());
        }
        return policy.filter(found -> scope.allows(found.connectionId()))
                .orElseThrow(() -> ApiProblem.unprocessable("policyId", "policy " + policyId + " does not exist in policy-service"));
    }

    private SalesforceConnection targetOrg(UUID connectionId) {
        try {
            return connections.connect(policies.credentials(connectionId));
        } catch (RemoteCallRejected rejected) {
            if (rejected.status() == 404) {
                throw ApiProblem.unprocessable("target.connectionId", "connection " + connectionId + " does not exist in policy-service");
            }
            throw rejected;
        }
    }

    private Instant pointTime(UUID pointId, UUID policyId) {
        RestorePointView point = storage.point(pointId)
                .orElseThrow(() -> ApiProblem.unprocessable("restorePointId", "restore point " + pointId + " does not exist"));
        if (!policyId.equals(point.policyId())) {
            throw ApiProblem.unprocessable("restorePointId", "restore point " + pointId + " belongs to policy " + point.policyId());
        }
        if (point.state() != RestorePointState.COMMITTED) {
            throw ApiProblem.unprocessable("restorePointId", "restore point " + pointId + " is " + point.state() + "; only COMMITTED points can be restored");
        }
        return runEnd(point).orElse(point.committedAt());
    }

    /** When the backup run that wrote the point ended: the objects it backed up are read as they were then. */
    private Optional<Instant> runEnd(RestorePointView point) {
        return Optional.ofNullable(point.sessionId()).flatMap(backupRuns::endOfRunOfSession)
                .filter(end -> !end.isBefore(point.committedAt()));
    }
}
