package dev.sfbackup.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionPage;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.api.storage.RecordVersionView;
import dev.sfbackup.api.storage.RestorePointPage;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.CacheView;
import dev.sfbackup.api.storage.repository.RepositoryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The reads the pages make, typed with backup-api's views. */
@ApplicationScoped
public class Suite {

    private final ServiceApi api;

    public Suite(ServiceApi api) {
        this.api = api;
    }

    public List<PolicyView> policies() {
        return api.get(Service.POLICY, "/api/v1/policies", new TypeReference<List<PolicyView>>() { });
    }

    /** The reads the dashboard starts together (see {@link ServiceApi#getLater}). */
    public CompletableFuture<List<PolicyView>> policiesLater() {
        return api.getLater(Service.POLICY, "/api/v1/policies", new TypeReference<List<PolicyView>>() { });
    }

    public CompletableFuture<List<ConnectionView>> connectionsLater() {
        return api.getLater(Service.POLICY, "/api/v1/connections", new TypeReference<List<ConnectionView>>() { });
    }

    public CompletableFuture<List<RunView>> runsLater(UUID policyId) {
        return api.getLater(Service.SESSION, "/api/v1/runs?policyId=" + policyId, new TypeReference<List<RunView>>() { });
    }

    public CompletableFuture<SessionPage> sessionsLater(UUID policyId, int page, int size) {
        return api.getLater(Service.SESSION, "/api/v1/sessions?policyId=" + policyId + "&page=" + page + "&size=" + size, SessionPage.class);
    }

    public CompletableFuture<List<RepositoryView>> repositoriesLater() {
        return api.getLater(Service.STORAGE, "/api/v1/repositories", new TypeReference<List<RepositoryView>>() { });
    }

    public CompletableFuture<CacheView> cacheLater(UUID repositoryId) {
        return api.getLater(Service.STORAGE, "/api/v1/repositories/" + repositoryId + "/cache", CacheView.class);
    }

    public ServiceApi.Answer<PolicyView> policy(UUID id) {
        return api.getWithETag(Service.POLICY, "/api/v1/policies/" + id, PolicyView.class);
    }

    public List<ConnectionView> connections() {
        return api.get(Service.POLICY, "/api/v1/connections", new TypeReference<List<ConnectionView>>() { });
    }

    /** Newest first. */
    public List<RunView> runs(UUID policyId) {
        return api.get(Service.SESSION, "/api/v1/runs" + (policyId == null ? "" : "?policyId=" + policyId),
                new TypeReference<List<RunView>>() { });
    }

    public RunView run(UUID id) {
        return api.get(Service.SESSION, "/api/v1/runs/" + id, RunView.class);
    }

    public SessionPage sessions(UUID policyId, int page, int size) {
        return api.get(Service.SESSION, "/api/v1/sessions?policyId=" + policyId + "&page=" + page + "&size=" + size, SessionPage.class);
    }

    public SessionView session(UUID id) {
        return api.get(Service.SESSION, "/api/v1/sessions/" + id, SessionView.class);
    }

    public List<SessionLogEntry> sessionLog(UUID id) {
        return api.get(Service.SESSION, "/api/v1/sessions/" + id + "/log?limit=2000", new TypeReference<List<SessionLogEntry>>() { });
    }

    public List<RepositoryView> repositories() {
        return api.get(Service.STORAGE, "/api/v1/repositories", new TypeReference<List<RepositoryView>>() { });
    }

    public CacheView cache(UUID repositoryId) {
        return api.get(Service.STORAGE, "/api/v1/repositories/" + repositoryId + "/cache", CacheView.class);
    }

    /** Committed points of a policy (of one object when given), newest first. */
    public RestorePointPage restorePoints(UUID policyId, String object, int page, int size) {
        String query = "?policyId=" + policyId + (object == null ? "" : "&object=" + encode(object)) + "&page=" + page + "&size=" + size;
        return api.get(Service.STORAGE, "/api/v1/restore-points" + query, RestorePointPage.class);
    }

    public RestorePointView restorePoint(UUID id) {
        return api.get(Service.STORAGE, "/api/v1/restore-points/" + id, RestorePointView.class);
    }

    public List<RecordVersionView> versions(String object, String recordId, UUID policyId) {
        return api.get(Service.STORAGE, "/api/v1/objects/" + encode(object) + "/records/" + encode(recordId) + "/versions?policyId=" + policyId,
                new TypeReference<List<RecordVersionView>>() { });
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
