package dev.sfbackup.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service of the suite (its target/quarkus-app/quarkus-run.jar) running in its own JVM on a free
 * loopback port, for end-to-end tests over real HTTP. Start it with {@link #builder(String)}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String module;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Builder builder(String module) {
        return new Builder(module);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the service the way an operator's SIGTERM does: graceful shutdown, forced after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Ends the service abruptly, as a crash or an OOM kill would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private final String module;
        private final Map<String, String> config = new LinkedHashMap<>();
        private String maxHeap = "384m";
        private int port;

        private Builder(String module) {
            this.module = module;
            if (module.endsWith("-service")) {
                // every service of the suite verifies TestTokens and signs its calls to the others with the test key
                config.putAll(TestTokens.serviceConfig());
            }
            if (module.equals("storage-service")) {
                // tests keep LOCAL repositories and caches in temporary directories and run S3 servers on loopback
                config.put("backup.repositories.allowed-roots", System.getProperty("java.io.tmpdir"));
                config.put("backup.repositories.s3-private-hosts-allowed", "127.0.0.1");
            }
        }

        /** A fresh database in the private PostgreSQL cluster, dropped and created anew. */
        public Builder freshDatabase(String database) {
            PrivatePostgres.ensureRunning();
            PrivatePostgres.recreateDatabase(database);
            return database(database);
        }

        /** An existing database (for example one shared by two instances of the same service). */
        public Builder database(String database) {
            config.put("quarkus.datasource.jdbc.url", PrivatePostgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", PrivatePostgres.USER);
            config.put("quarkus.datasource.password", "");
            return this;
        }

        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /** A fixed port, for restarting a service where its clients expect it; a free one by default. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public ServiceProcess start() {
            Path root = ProjectRoot.find();
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package it first with ./mvnw package -DskipTests -pl " + module + " -am");
            }
            int chosenPort = port > 0 ? port : freePort();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx" + maxHeap);
            command.addAll(javaOptions(module));
            command.add("-Dquarkus.http.port=" + chosenPort);
            command.add("-Dquarkus.http.host=127.0.0.1");
            command.add("-Dquarkus.profile=prod");
            command.addAll(flightRecording(module, chosenPort));
            command.addAll(accessLog());
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(jar.toString());
            try {
                Path logDir = Path.of("target", "service-logs").toAbsolutePath();
                Files.createDirectories(logDir);
                Path log = logDir.resolve(module + "-" + chosenPort + ".log");
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                ServiceProcess service = new ServiceProcess(module, chosenPort, process, log);
                service.awaitReady();
                return service;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + module, e);
            }
        }
    }

    /**
     * With the system property {@code service.jfr-dir}, every launched service records a JDK Flight Recording (profile
     * settings) into that directory, written when the service stops: for profiling benchmarks end to end. Samples are
     * taken with non-safepoint debug information, without which JIT-compiled code charges its time to the wrong lines.
     */
    private static List<String> flightRecording(String module, int port) {
        String dir = System.getProperty("service.jfr-dir");
        if (dir == null || dir.isBlank()) {
            return List.of();
        }
        Path file = Path.of(dir).toAbsolutePath().resolve(module + "-" + port + ".jfr");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + file.getParent(), e);
        }
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    /**
     * The system property {@code service.java-options}: JVM options, separated by spaces, for every launched service;
     * {@code {module}} in them stands for the service's module, e.g. {@code -XX:AOTCache=/tmp/aot/{module}.aot}.
     */
    private static List<String> javaOptions(String module) {
        String options = System.getProperty("service.java-options", "").trim().replace("{module}", module);
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * With the system property {@code service.access-log=true}, every launched service logs each request it served
     * with its status, response bytes and milliseconds (the log line's time is the request's end): a timeline of a
     * benchmark run across the services.
     */
    private static List<String> accessLog() {
        if (!Boolean.getBoolean("service.access-log")) {
            return List.of();
        }
        return List.of("-Dquarkus.http.access-log.enabled=true", "-Dquarkus.http.record-request-start-time=true",
                "-Dquarkus.http.access-log.pattern=%r %s %b %D");
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // health stays open without a token: it is how probes see the service
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + module, e);
            }
            sleep(Duration.ofMillis(250));
        }
        kill();
        throw new IllegalStateException(module + " was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Starts the services at once (each on its own thread) and answers them in the builders' order once every one is
     * ready: JVM start-ups that wait on class loading, the database or migrations overlap. Services whose addresses
     * others need are given ports first ({@link Builder#port}, {@link #freePorts}). When one does not start, the others
     * are stopped and its failure is thrown.
     */
    public static List<ServiceProcess> startAll(List<Builder> builders) {
        try (ExecutorService starters = Executors.newFixedThreadPool(builders.size())) {
            List<Future<ServiceProcess>> starting = builders.stream().map(builder -> starters.submit(builder::start)).toList();
            List<ServiceProcess> started = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<ServiceProcess> future : starting) {
                try {
                    started.add(future.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure != null ? failure : new IllegalStateException("interrupted while starting services", e);
                }
            }
            if (failure != null) {
                started.forEach(ServiceProcess::close);
                throw failure;
            }
            return started;
        }
    }

    /** Distinct loopback ports free now, for services started side by side whose addresses others must know. */
    public static List<Integer> freePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(freePort());
        }
        return List.copyOf(ports);
    }

    /** A loopback port free now, for a service whose address another must know before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
