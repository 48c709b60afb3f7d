package dev.sfbackup.session.restore.files;

import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.storage.repository.PolicyFileView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Leases, for a restore that asks for files, every FILE restore point holding a body it may read (incremental file
 * backups spread a policy's bodies over many points), so retention keeps them until the restore releases them.
 */
@ApplicationScoped
public class FileLeases {

    private static final Duration LEASE_TTL = Duration.ofDays(2);

    private final StoredFileBodies bodies;
    private final StorageClient storage;
    private final RestoreJobs jobs;

    public FileLeases(StoredFileBodies bodies, StorageClient storage, RestoreJobs jobs) {
        this.bodies = bodies;
        this.storage = storage;
        this.jobs = jobs;
    }

    public void lease(RestoreJob job, RestoreRequest.Files files) {
        if (files == null) {
            return;
        }
        List<PolicyFileView> stored = bodies.asOf(job.policyId(), job.asOf());
        if (stored.isEmpty()) {
            throw ApiProblem.unprocessable("files", "policy " + job.policyId() + " has no file bodies stored as of " + job.asOf()
                    + "; files are backed up by a policy with includeFiles and a repository");
        }
        Set<UUID> points = new LinkedHashSet<>();
        stored.forEach(file -> points.add(file.restorePointId()));
        for (UUID point : points) {
            var lease = storage.lease(point, "restore " + job.runId(), LEASE_TTL);
            jobs.leased(job.runId(), new RestoreJobs.Lease(point, lease.id()));
        }
    }
}
