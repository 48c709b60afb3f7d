package dev.sfbackup.storage.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import dev.sfbackup.storage.repository.backend.Content;
import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.storage.repository.backend.S3Backend;
import dev.sfbackup.testing.MutableClock;
import dev.sfbackup.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backup cache end to end over HTTP: a LOCAL repository whose directory disappears and an S3 server stopped and
 * started at the moments that matter. Every test reads back every stored byte and checks that uploads go oldest first.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BackupCacheTest {

    private static RestartableS3Server s3;

    /** fileId to the bytes it must return. */
    private final Map<String, byte[]> stored = new LinkedHashMap<>();

    @Inject
    MutableClock clock;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = new RestartableS3Server();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    // ---- settings ----

    @Test
    void cacheSettingsAreValidatedAndDefaultTheReconnectWindow() throws Exception {
        UUID repository = localRepository(Files.createTempDirectory("sfbackup-repo"));
        Path cache = Files.createTempDirectory("sfbackup-cache");
        given().contentType(ContentType.JSON).body(Map.of("enabled", true, "path", cache.toString(), "maxBytes", 10))
                .put("/api/v1/repositories/{id}/cache", repository)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("maxBytes"));
        given().contentType(ContentType.JSON).body(Map.of("enabled", true, "path", "relative/dir", "maxBytes", 1L << 30))
                .put("/api/v1/repositories/{id}/cache", repository)
                .then().statusCode(400).body("errors.field", hasItem("path"));
        given().contentType(ContentType.JSON).body(Map.of("enabled", true, "path", cache.toString(), "maxBytes", 1L << 30, "reconnectWindow", "soon"))
                .put("/api/v1/repositories/{id}/cache", repository)
                .then().statusCode(400).body("errors.field", hasItem("reconnectWindow"));
        given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("enabled", true, "path", cache.toString(), "maxBytes", 1L << 30))
                .put("/api/v1/repositories/{id}/cache", repository)
                .then().statusCode(200).body("settings.reconnectWindow", equalTo("PT30M")).body("settings.enabled", equalTo(true));
        assertTrue(Files.isRegularFile(cache.resolve(repository.toString()).resolve("digest/config")),
                "enabling the cache copies the repository's config and keys");
    }

    // ---- LOCAL ----

    @Test
    void localRepositoryGoneBeforeAPointCachesItIncrementallyAndUploadsOldestFirst() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository(directory);
        enableCache(repository, 256L << 20, "PT30M");
        byte[] shared = random(3 << 20, 1);

        UUID before = openPoint(repository);
        store(before, "a", shared).then().statusCode(200).body("newBytes", equalTo(shared.length));
        commit(before);

        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        Files.move(directory, away);

        UUID first = openPoint(repository);
        store(first, "a", shared).then().statusCode(200).body("newBytes", equalTo(0)).body("dedupBytes", equalTo(shared.length));
        byte[] onlyInCache = random(2 << 20, 2);
        store(first, "b", onlyInCache).then().statusCode(200).body("newBytes", equalTo(onlyInCache.length));
        commit(first);
        UUID second = openPoint(repository);
        store(second, "c", random(1 << 20, 3)).then().statusCode(200);
        commit(second);
        assertEquals(List.of("CACHE", "CACHE"), locations(repository, first, second));
        given().get("/api/v1/restore-points/{id}", first).then().statusCode(200).body("location", equalTo("CACHE"))
                .body("cacheReason", containsString("unreachable when the restore point started writing"))
                .body("cachedAt", notNullValue());
        given().get("/api/v1/restore-points/{id}", before).then().statusCode(200).body("location", equalTo("REPOSITORY"))
                .body("cacheReason", nullValue()).body("cachedAt", nullValue());
        assertThatCachedFilesAreReadable(); // "a" of the first point needs the repository; the rest is in the cache

        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded.size()", equalTo(0)).body("waiting", equalTo(2)).body("stoppedBecause", containsString("unreachable"));

        Files.move(away, directory);
        UUID third = openPoint(repository);
        store(third, "d", random(1 << 20, 4)).then().statusCode(200);
        commit(third);
        assertEquals("CACHE", locations(repository, third).getFirst(), "while cached points wait, new points go to the cache too");

        List<String> uploaded = given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("waiting", equalTo(0)).extract().path("uploaded");
        assertEquals(List.of(first.toString(), second.toString(), third.toString()), uploaded);
        assertEquals(List.of("REPOSITORY", "REPOSITORY", "REPOSITORY"), locations(repository, first, second, third));
        given().get("/api/v1/restore-points/{id}", first).then().statusCode(200).body("location", equalTo("REPOSITORY"))
                .body("cacheReason", containsString("unreachable")).body("cachedAt", notNullValue());
        assertUploadedOldestFirst(repository);
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    @Test
    void localRepositoryLostDuringAPointStartsItsWholeTransferOverInTheCache() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository(directory);
        enableCache(repository, 256L << 20, "PT30M");
        UUID point = openPoint(repository);
        byte[] one = random(1 << 20, 10);
        byte[] two = random(1 << 20, 11);
        String onShare = store(point, "1", one).then().statusCode(200).body("location", equalTo("REPOSITORY")).extract().path("id");
        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        Files.move(directory, away);

        store(point, "2", two).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(CacheProblemTypes.TRANSFER_RESTARTED)).body("detail", containsString("send every file of the point again"));
        stored.remove(onShare);
        given().get("/api/v1/restore-points/{id}/files", point).then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/files/{id}/content", onShare).then().statusCode(404);

        store(point, "1", one).then().statusCode(200).body("location", equalTo("CACHE"))
                .body("newBytes", equalTo(one.length)); // nothing is taken from the lost share
        store(point, "2", two).then().statusCode(200).body("location", equalTo("CACHE"));
        store(point, "3", random(1 << 20, 12)).then().statusCode(200);
        commit(point);
        assertEquals(List.of("CACHE"), locations(repository, point));
        given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(200)
                .body("points[0].reason", containsString("LOCAL repository")).body("points[0].reason", containsString("started over"))
                .body("points[0].files", equalTo(3));
        assertEverythingReadable(); // every file from the cache alone, the share still away

        Files.move(away, directory);
        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded", equalTo(List.of(point.toString())));
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    @Test
    void anOpenOldestPointHoldsBackLaterUploadsAndADiscardedPointIsDropped() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository(directory);
        enableCache(repository, 256L << 20, "PT30M");
        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        Files.move(directory, away);
        UUID stillOpen = openPoint(repository);
        store(stillOpen, "1", random(1 << 20, 60)).then().statusCode(200);
        UUID committed = openPoint(repository);
        store(committed, "2", random(1 << 20, 61)).then().statusCode(200);
        commit(committed);
        UUID discarded = openPoint(repository);
        given().contentType("application/octet-stream").body(random(1 << 20, 62))
                .put("/api/v1/restore-points/{id}/files/{sourceId}", discarded, "3").then().statusCode(200);
        given().post("/api/v1/restore-points/{id}/discard", discarded).then().statusCode(200);
        Files.move(away, directory);

        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded.size()", equalTo(0)).body("waiting", equalTo(3)).body("stoppedBecause", containsString("still OPEN"));
        commit(stillOpen);
        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded", equalTo(List.of(stillOpen.toString(), committed.toString()))).body("waiting", equalTo(0));
        assertUploadedOldestFirst(repository);
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    @Test
    void aFullCacheFailsTheWriteWithAClearReasonAndKeepsWhatWasStored() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository(directory);
        enableCache(repository, 1L << 20, "PT30M");
        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        Files.move(directory, away);
        UUID point = openPoint(repository);
        store(point, "small", random(100_000, 20)).then().statusCode(200);
        store(point, "large", random(2 << 20, 21)).then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("backup cache is full"));
        given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(200).body("points[0].files", equalTo(1));
        assertEverythingReadable();
        Files.move(away, directory);
    }

    @Test
    void garbageCollectionKeepsRepositoryChunksThatAWaitingCachedPointReferencesThroughTheDigestMap() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository(directory);
        enableCache(repository, 256L << 20, "PT30M");
        byte[] shared = random(2 << 20, 70);
        UUID referencedOnlyByTheCache = openPoint(repository);
        String sharedInRepository = store(referencedOnlyByTheCache, "shared", shared).then().statusCode(200).extract().path("id");
        UUID garbage = openPoint(repository);
        String garbageInRepository = store(garbage, "garbage", random(1 << 20, 71)).then().statusCode(200).extract().path("id");
        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        Files.move(directory, away);

        UUID cached = openPoint(repository);
        store(cached, "shared", shared).then().statusCode(200).body("location", equalTo("CACHE")).body("newBytes", equalTo(0));
        commit(cached);
        for (UUID discarded : List.of(referencedOnlyByTheCache, garbage)) {
            given().post("/api/v1/restore-points/{id}/discard", discarded).then().statusCode(200);
        }
        stored.remove(sharedInRepository);
        stored.remove(garbageInRepository);
        Files.move(away, directory);

        given().post("/api/v1/repositories/{id}/gc", repository).then().statusCode(200).body("packsDeleted", equalTo(1));
        assertEquals(List.of("CACHE"), locations(repository, cached), "the cached point still waits for upload");
        assertEverythingReadable(); // the cached point's file is read from chunks only the repository holds
        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded", equalTo(List.of(cached.toString())));
        given().post("/api/v1/repositories/{id}/gc", repository).then().statusCode(200).body("packsDeleted", equalTo(0));
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    // ---- S3 ----

    @Test
    void s3StoppedBeforeAPointSendsItToTheCacheAndItIsUploadedWhenS3IsBack() throws Exception {
        UUID repository = s3Repository();
        enableCache(repository, 256L << 20, "PT30M");
        UUID before = openPoint(repository);
        byte[] shared = random(2 << 20, 30);
        store(before, "shared", shared).then().statusCode(200);
        commit(before);
        s3.stop();
        try {
            UUID first = openPoint(repository);
            store(first, "shared", shared).then().statusCode(200).body("newBytes", equalTo(0));
            store(first, "new", random(1 << 20, 31)).then().statusCode(200);
            commit(first);
            UUID second = openPoint(repository);
            store(second, "other", random(1 << 20, 32)).then().statusCode(200);
            commit(second);
            assertEquals(List.of("CACHE", "CACHE"), locations(repository, first, second));
            given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200).body("waiting", equalTo(2));
            s3.start();
            given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                    .body("uploaded", equalTo(List.of(first.toString(), second.toString())));
        } finally {
            ensureS3Running();
        }
        assertUploadedOldestFirst(repository);
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    @Test
    void s3LostDuringAPointIsRetriedForTheReconnectWindowThenOnlyTheRestGoesToTheCache() throws Exception {
        UUID repository = s3Repository();
        enableCache(repository, 256L << 20, "PT10M");
        UUID point = openPoint(repository);
        store(point, "transferred", random(1 << 20, 40)).then().statusCode(200);
        s3.stop();
        try {
            byte[] late = random(1 << 20, 41);
            String retryAfter = store(point, "late", late).then().statusCode(503).body("detail", containsString("reconnect window"))
                    .extract().header("Retry-After");
            assertTrue(Integer.parseInt(retryAfter) >= 540 && Integer.parseInt(retryAfter) <= 600,
                    "Retry-After tells the caller how much of the 10-minute reconnect window is left: " + retryAfter);
            clock.advance(Duration.ofMinutes(9));
            store(point, "late", late).then().statusCode(503);
            assertEquals(List.of("REPOSITORY"), locations(repository, point), "within the reconnect window the point waits for S3");
            clock.advance(Duration.ofMinutes(2));
            store(point, "late", late).then().statusCode(200);
            assertEquals(List.of("CACHE"), locations(repository, point));
            s3.start();
            store(point, "after-reconnect", random(1 << 20, 42)).then().statusCode(200);
            assertEquals(List.of("CACHE"), locations(repository, point), "a point never switches back to the repository");
            given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/{id}/commit", point).then().statusCode(200)
                    .body("location", equalTo("CACHE")).body("cacheReason", containsString("stayed unreachable for the reconnect window"));
            given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(200)
                    .body("points[0].reason", containsString("reconnect window")).body("points[0].files", equalTo(3));
            given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                    .body("uploaded", equalTo(List.of(point.toString())));
        } finally {
            ensureS3Running();
        }
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    @Test
    void anUploadInterruptedHalfwayResumesWithoutSendingAnythingTwice() throws Exception {
        String bucket = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        UUID repository = s3Repository(bucket);
        Path cache = enableCache(repository, 256L << 20, "PT30M");
        CachedPair cached = cacheTwoPointsWhileS3IsDown(repository, 50);
        UUID older = cached.older();
        UUID interrupted = cached.newer();
        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded", equalTo(List.of(older.toString(), interrupted.toString())));
        assertUploadedOldestFirst(repository);
        assertEverythingReadable();

        // a second run whose upload crashed after its packs were sent: packs in S3, the point still UPLOADING
        s3.stop();
        UUID resumed;
        try {
            resumed = openPoint(repository);
            store(resumed, "w", random(2 << 20, 53)).then().statusCode(200);
            commit(resumed);
        } finally {
            ensureS3Running();
        }
        Path pointDirectory = cache.resolve(repository.toString()).resolve("points").resolve(resumed.toString());
        List<Path> packs;
        try (Stream<Path> files = Files.walk(pointDirectory.resolve("data"))) {
            packs = files.filter(Files::isRegularFile).toList();
        }
        assertFalse(packs.isEmpty());
        try (S3Backend direct = new S3Backend(s3.settings(bucket, "sfbackup"))) {
            for (Path pack : packs) {
                direct.put(pointDirectory.relativize(pack).toString().replace('\\', '/'), Content.ofFile(pack));
            }
        }
        markUploading(resumed);
        assertEquals(List.of("UPLOADING"), locations(repository, resumed));
        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded", equalTo(List.of(resumed.toString())))
                .body("objectsAlreadyPresent", equalTo(packs.size()));
        assertEquals(List.of("REPOSITORY"), locations(repository, resumed));
        assertEmptyCache(repository);
        assertUploadedOldestFirst(repository);
        assertEverythingReadable();
    }

    @Test
    void s3StoppedInTheMiddleOfAnUploadResumesOldestFirstWithoutLosingOrResendingAnything() throws Exception {
        String bucket = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        UUID repository = s3Repository(bucket);
        Path cache = enableCache(repository, 256L << 20, "PT30M");
        CachedPair cached = cacheTwoPointsWhileS3IsDown(repository, 80);
        UUID older = cached.older();
        UUID newer = cached.newer();
        List<String> olderObjects = cachedObjects(cache, repository, older);
        List<String> newerObjects = cachedObjects(cache, repository, newer);
        int storedBefore = s3.storedObjects().size();

        java.util.concurrent.CompletableFuture<Void> stopped = new java.util.concurrent.CompletableFuture<>();
        s3.beforePut(name -> {
            if (newerObjects.contains(name) && name.contains("/index/") && !stopped.isDone()) {
                // the server goes down while the newer point's packs are in and its index is being sent
                Thread.ofPlatform().start(() -> {
                    try {
                        s3.stop();
                        stopped.complete(null);
                    } catch (Exception e) {
                        stopped.completeExceptionally(e);
                    }
                });
                throw new IllegalStateException("S3 is going down");
            }
        });
        try {
            given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                    .body("uploaded", equalTo(List.of(older.toString()))).body("waiting", equalTo(1))
                    .body("stoppedBecause", containsString(newer.toString()));
            stopped.get();
            assertEquals(List.of("REPOSITORY", "UPLOADING"), locations(repository, older, newer));
            stored.entrySet().stream().skip(1).forEach(e -> assertArrayEquals(e.getValue(), // the newer point, from the cache
                    given().get("/api/v1/files/{id}/content", e.getKey()).then().statusCode(200).extract().asByteArray()));
            given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                    .body("uploaded.size()", equalTo(0)).body("stoppedBecause", containsString("unreachable"));
        } finally {
            s3.beforePut(name -> { });
            ensureS3Running();
        }
        int sentBeforeTheStop = (int) s3.storedObjects().stream().skip(storedBefore).filter(newerObjects::contains).count();
        assertTrue(sentBeforeTheStop > 0 && sentBeforeTheStop < newerObjects.size(), "S3 stopped in the middle of the newer point");
        given().post("/api/v1/repositories/{id}/cache/upload", repository).then().statusCode(200)
                .body("uploaded", equalTo(List.of(newer.toString()))).body("objectsAlreadyPresent", equalTo(sentBeforeTheStop))
                .body("objectsUploaded", equalTo(newerObjects.size() - sentBeforeTheStop));

        List<String> sent = s3.storedObjects().subList(storedBefore, s3.storedObjects().size());
        assertEquals(sent.size(), new java.util.HashSet<>(sent).size(), "no object is stored twice: " + sent);
        List<String> expected = new ArrayList<>(olderObjects);
        expected.addAll(newerObjects);
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(sent), "every cached object reached S3");
        assertTrue(sent.indexOf(olderObjects.getLast()) < sent.indexOf(newerObjects.getFirst()), "the older point went first: " + sent);
        assertEquals(List.of("REPOSITORY", "REPOSITORY"), locations(repository, older, newer));
        assertUploadedOldestFirst(repository);
        assertEmptyCache(repository);
        assertEverythingReadable();
    }

    /** The S3 object names of a cached point, in upload order (packs, index files, file manifests). */
    private static List<String> cachedObjects(Path cache, UUID repository, UUID point) throws Exception {
        Path directory = cache.resolve(repository.toString()).resolve("points").resolve(point.toString());
        List<String> names = new ArrayList<>();
        for (String prefix : List.of("data", "index", "files")) {
            if (!Files.isDirectory(directory.resolve(prefix))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory.resolve(prefix))) {
                files.filter(Files::isRegularFile).map(f -> "sfbackup/" + directory.relativize(f).toString().replace('\\', '/'))
                        .sorted().forEach(names::add);
            }
        }
        return names;
    }

    // ---- support ----

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    private void markUploading(UUID point) throws Exception {
        try (var connection = db.getConnection();
             var update = connection.prepareStatement("UPDATE restore_point SET location = 'UPLOADING' WHERE id = ?")) {
            update.setObject(1, point);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static void ensureS3Running() throws Exception {
        s3.start();
    }

    private static UUID localRepository(Path directory) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", "cache-local-" + UUID.randomUUID(), "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
    }

    private static UUID s3Repository() {
        return s3Repository("cache-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static UUID s3Repository(String bucket) {
        s3.createBucket(bucket);
        Map<String, Object> location = Map.of("endpoint", s3.endpoint().toString(), "region", InProcessS3Server.REGION,
                "bucket", bucket, "prefix", "sfbackup", "accessKey", InProcessS3Server.ACCESS_KEY,
                "secretKey", InProcessS3Server.SECRET_KEY, "pathStyle", true);
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", "cache-s3-" + bucket, "kind", "S3", "s3", location))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
    }

    private static Path enableCache(UUID repository, long maxBytes, String reconnectWindow) throws Exception {
        Path cache = Files.createTempDirectory("sfbackup-cache");
        given().contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "path", cache.toString(), "maxBytes", maxBytes, "reconnectWindow", reconnectWindow))
                .put("/api/v1/repositories/{id}/cache", repository).then().statusCode(200);
        return cache;
    }

    private static UUID openPoint(UUID repository) {
        Map<String, Object> body = new HashMap<>();
        body.put("policyId", UUID.randomUUID());
        body.put("sessionId", UUID.randomUUID());
        body.put("orgId", "00D000000000001EAA");
        body.put("object", null);
        body.put("kind", "INITIAL");
        body.put("repositoryId", repository);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/restore-points").then().statusCode(201).extract().path("id"));
    }

    private static void commit(UUID point) {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/{id}/commit", point).then().statusCode(200);
    }

    private Response store(UUID point, String sourceId, byte[] content) {
        Response response = given().contentType("application/octet-stream").body(content)
                .put("/api/v1/restore-points/{id}/files/{sourceId}", point, sourceId);
        if (response.statusCode() == 200) {
            stored.put(response.path("id"), content);
        }
        return response;
    }

    /** The locations of the given points, as GET .../cache lists them (REPOSITORY for points that never used the cache). */
    private static List<String> locations(UUID repository, UUID... points) {
        List<Map<String, Object>> listed = given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(200)
                .extract().path("points");
        List<String> result = new ArrayList<>();
        for (UUID point : points) {
            result.add(listed.stream().filter(p -> point.toString().equals(p.get("id"))).map(p -> (String) p.get("location"))
                    .findFirst().orElse("REPOSITORY"));
        }
        return result;
    }

    private static void assertUploadedOldestFirst(UUID repository) {
        List<String> uploadedAt = given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(200)
                .extract().path("points.uploadedAt");
        List<Instant> times = uploadedAt.stream().filter(java.util.Objects::nonNull).map(Instant::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isBefore(times.get(i - 1)), "points listed oldest first were uploaded in that order: " + uploadedAt);
        }
    }

    private static void assertEmptyCache(UUID repository) throws Exception {
        String path = given().get("/api/v1/repositories/{id}/cache", repository).then().statusCode(200).extract().path("settings.path");
        Path points = Path.of(path).resolve(repository.toString()).resolve("points");
        if (Files.isDirectory(points)) {
            try (Stream<Path> left = Files.list(points)) {
                assertEquals(List.of(), left.toList(), "uploaded points are removed from the cache");
            }
        }
    }

    private void assertEverythingReadable() {
        stored.forEach((fileId, content) -> assertArrayEquals(content,
                given().get("/api/v1/files/{id}/content", fileId).then().statusCode(200).extract().asByteArray(),
                "file " + fileId));
    }

    /** Files held only by the cache (no chunk deduplicated against the repository) read back while the repository is away. */
    private void assertThatCachedFilesAreReadable() {
        stored.entrySet().stream().skip(2).forEach(e -> assertArrayEquals(e.getValue(),
                given().get("/api/v1/files/{id}/content", e.getKey()).then().statusCode(200).extract().asByteArray()));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private record CachedPair(UUID older, UUID newer) {
    }

    /** With S3 stopped: an older point with one file, then a newer one with two, both committed into the cache. */
    private CachedPair cacheTwoPointsWhileS3IsDown(UUID repository, int seed) throws Exception {
        s3.stop();
        try {
            UUID older = openPoint(repository);
            store(older, "x", random(1 << 20, seed)).then().statusCode(200);
            commit(older);
            UUID newer = openPoint(repository);
            store(newer, "y", random(3 << 20, seed + 1)).then().statusCode(200);
            store(newer, "z", random(1 << 20, seed + 2)).then().statusCode(200);
            commit(newer);
            return new CachedPair(older, newer);
        } finally {
            ensureS3Running();
        }
    }
}
