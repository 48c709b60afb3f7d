package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.storage.repository.PolicyFileView;
import dev.sfbackup.security.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The file bodies storage-service holds for a policy, read with session-service's service token: which bodies there
 * are as of a time, and one body as a stream straight from the HTTP response (a body of gigabytes never sits in
 * memory on its way to the org).
 */
@ApplicationScoped
public class StoredFileBodies {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI storage;
    private final ServiceTokens tokens;
    private final ObjectMapper json;

    public StoredFileBodies(@ConfigProperty(name = "quarkus.rest-client.storage-service.url") String storageUrl,
            ServiceTokens tokens, ObjectMapper json) {
        this.storage = URI.create(storageUrl.replaceAll("/+$", "") + "/");
        this.tokens = tokens;
        this.json = json;
    }

    /** The newest stored copy of each body of the policy as of then. */
    public List<PolicyFileView> asOf(UUID policyId, Instant asOf) {
        try (InputStream body = get("api/v1/policies/" + policyId + "/files?asOf=" + asOf, Duration.ofSeconds(60))) {
            return json.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException("storage-service: cannot read the files of policy " + policyId + ": " + e.getMessage(), e);
        }
    }

    /** One stored body; the caller closes the stream. */
    public InputStream open(UUID fileId) throws IOException {
        return get("api/v1/files/" + fileId + "/content", Duration.ofHours(2));
    }

    private InputStream get(String path, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(storage.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.bearer()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading " + path);
        }
        if (response.statusCode() != 200) {
            String problem;
            try (InputStream error = response.body()) {
                problem = new String(error.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            }
            throw new IOException("storage-service answered " + response.statusCode() + " to GET /" + path + ": " + problem);
        }
        return response.body();
    }
}
