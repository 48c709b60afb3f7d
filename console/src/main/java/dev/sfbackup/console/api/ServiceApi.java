package dev.sfbackup.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.console.ConsoleConfig;
import dev.sfbackup.console.signin.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The services' REST APIs, called with the signed-in user's token: the console holds no data and no credential of its
 * own, so every answer is exactly what that user may see. A refusal or failure becomes a {@link ServiceFailure}.
 */
@ApplicationScoped
public class ServiceApi {

    private final ConsoleConfig config;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final HttpClient http;
    /** Reads started by {@link #getLater}: each on its own virtual thread, blocked on the service, not on a worker. */
    private final ExecutorService later = Executors.newVirtualThreadPerTaskExecutor();

    public ServiceApi(ConsoleConfig config, CurrentUser user, ObjectMapper json) {
        this.config = config;
        this.user = user;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.services().timeout()).build();
    }

    /** An answer: its body and its ETag (null when none). */
    public record Answer<T>(T body, String etag) {
    }

    public <T> T get(Service service, String path, Class<T> type) {
        return read(send(service, "GET", path, null, null), type);
    }

    public <T> T get(Service service, String path, TypeReference<T> type) {
        return read(send(service, "GET", path, null, null), type);
    }

    /**
     * Starts a GET at once and returns its answer to come, so a page's independent reads overlap instead of following
     * one another. The token is taken here, on the request's thread: the call is made as the same user.
     */
    public <T> CompletableFuture<T> getLater(Service service, String path, TypeReference<T> type) {
        String token = user.get().token();
        return CompletableFuture.supplyAsync(() -> read(send(service, "GET", path, null, null, "application/json", token), type), later);
    }

    public <T> CompletableFuture<T> getLater(Service service, String path, Class<T> type) {
        String token = user.get().token();
        return CompletableFuture.supplyAsync(() -> read(send(service, "GET", path, null, null, "application/json", token), type), later);
    }

    /** The answer of a {@link #getLater}: its value, or what the call threw (a {@link ServiceFailure}, as if called here). */
    public static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    public <T> Answer<T> getWithETag(Service service, String path, Class<T> type) {
        HttpResponse<InputStream> response = send(service, "GET", path, null, null);
        String etag = response.headers().firstValue("ETag").orElse(null);
        return new Answer<>(read(response, type), etag);
    }

    /** POST, PUT or DELETE with an optional JSON body and If-Match; returns the answer's JSON (null when empty). */
    public JsonNode change(Service service, String method, String path, Object body, String ifMatch) {
        return read(send(service, method, path, body, ifMatch), JsonNode.class);
    }

    /** POST, PUT or DELETE without a body, its answer read as {@code type}. */
    public <T> T read(Service service, String method, String path, Class<T> type) {
        return read(send(service, method, path, null, null), type);
    }

    /** A download passed through as it comes: its bytes are never held whole by the console. */
    public record Download(InputStream body, String contentType, String contentDisposition) {
    }

    /** GET an answer to pass on as a stream; a refusal is a {@link ServiceFailure} before any byte is passed on. */
    public Download stream(Service service, String path, String accept) {
        HttpResponse<InputStream> response = send(service, "GET", path, null, null, accept);
        return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(accept),
                response.headers().firstValue("Content-Disposition").orElse(null));
    }

    /**
     * Reads an NDJSON stream, keeping the lines that pass {@code filter}: skips {@code skip} of them and returns at most
     * {@code limit}, plus one more when there are more (so a page knows whether a next page exists). Stops reading
     * once it has them.
     */
    public List<JsonNode> ndjson(Service service, String path, Predicate<JsonNode> filter, int skip, int limit) {
        HttpResponse<InputStream> response = send(service, "GET", path, null, null, "application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        int matched = 0;
        try (InputStream in = response.body();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && lines.size() <= limit) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (filter.test(node) && matched++ >= skip) {
                    lines.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path + " from " + service, e);
        }
        return lines;
    }

    private HttpResponse<InputStream> send(Service service, String method, String path, Object body, String ifMatch) {
        return send(service, method, path, body, ifMatch, "application/json");
    }

    private HttpResponse<InputStream> send(Service service, String method, String path, Object body, String ifMatch, String accept) {
        return send(service, method, path, body, ifMatch, accept, user.get().token());
    }

    private HttpResponse<InputStream> send(Service service, String method, String path, Object body, String ifMatch, String accept,
            String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base(service).resolve(path))
                .timeout(config.services().timeout())
                .header("Accept", accept + ", application/problem+json")
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                throw new ServiceFailure(service, problem(response));
            }
            return response;
        } catch (IOException e) {
            throw new ServiceFailure(service, new Problem("about:blank", "Service Unavailable", 503,
                    service.name().toLowerCase() + "-service cannot be reached at " + base(service) + " ("
                            + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + service, e);
        }
    }

    private Problem problem(HttpResponse<InputStream> response) throws IOException {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        try {
            Problem problem = json.readValue(bytes, Problem.class);
            if (problem.status() != 0) {
                return problem;
            }
        } catch (JsonProcessingException notAProblem) {
            // a plain answer, such as a 401 without body
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return new Problem("about:blank", "HTTP " + response.statusCode(), response.statusCode(),
                text.isEmpty() ? "HTTP " + response.statusCode() : text, List.of());
    }

    private <T> T read(HttpResponse<InputStream> response, Class<T> type) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? null : json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(HttpResponse<InputStream> response, TypeReference<T> type) {
        try (InputStream in = response.body()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI base(Service service) {
        return switch (service) {
            case POLICY -> config.services().policy();
            case SESSION -> config.services().session();
            case STORAGE -> config.services().storage();
        };
    }
}
