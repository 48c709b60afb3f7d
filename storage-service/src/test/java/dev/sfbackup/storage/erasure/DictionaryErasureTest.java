package dev.sfbackup.storage.erasure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.storage.restorepoint.service.DictionaryReplacement;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream's dictionary is trained on its first batch's records themselves. Jane Roe is 57 of the 400 Contacts of
 * that batch (and 3 of the next 100), so her name and address are in the dictionary; erasing her replaces it (trained
 * on the 343 samples that remain), re-encodes every payload that named it and deletes it: no dictionary holds her values and every other
 * record reads back as before. Erasing a record no dictionary was trained on re-encodes nothing.
 */
@QuarkusTest
class DictionaryErasureTest {

    private static final String ORG = "00D000000000001EAA";
    private static final String JANE_EMAIL = "jane.roe@erased-person.example";
    private static final String JANE_NAME = "Roe-Quixotewick";

    @Inject
    DataSource db;

    @Inject
    DictionaryReplacement replacement;

    private final UUID policy = UUID.randomUUID();
    private String point;
    private long stream;

    private String open(String kind) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", ORG,
                "object", "Contact", "kind", kind, "schema", Map.of("name", "Contact", "fields",
                        List.of("Id", "LastName", "Email", "Phone", "MailingCity", "Title").stream().map(n -> Map.of("name", n)).toList())));
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/restore-points").then().statusCode(201).extract().path("id");
    }

    private static String contact(int i) {
        boolean jane = i % 7 == 3 && i < 420;
        return "{\"Id\":\"003" + String.format("%012d", i) + "\",\"LastName\":\"" + (jane ? JANE_NAME : "Smith" + i)
                + "\",\"Email\":\"" + (jane ? JANE_EMAIL : "person" + i + "@example.com") + "\",\"Phone\":\"+1 555 01" + (i % 100)
                + "\",\"MailingCity\":\"" + (i % 2 == 0 ? "Springfield" : "Shelbyville") + "\",\"Title\":\"Buyer\"}";
    }

    private static String contacts(int from, int to) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = from; i < to; i++) {
            ndjson.append(contact(i)).append('\n');
        }
        return ndjson.toString();
    }

    @BeforeEach
    void backUpContacts() throws Exception {
        point = open("INITIAL");
        for (int[] batch : new int[][] {{0, 400}, {400, 500}}) {
            given().contentType("application/x-ndjson").body(contacts(batch[0], batch[1]).getBytes(StandardCharsets.UTF_8))
                    .put("/api/v1/restore-points/" + point + "/batches/" + batch[0]).then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT stream_id FROM restore_point WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(point));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stream = rs.getLong(1);
            }
        }
    }

    @Test
    void erasingASampleReplacesTheDictionaryAndEveryOtherRecordReadsBackTheSame() throws Exception {
        List<Integer> before = dictionaries();
        assertEquals(1, before.size(), "the first batch trained one dictionary");
        assertTrue(anyDictionaryHolds(JANE_EMAIL), "the dictionary was trained on the records, Jane's address among them");
        List<String> kept = read().stream().filter(line -> !line.contains(JANE_EMAIL)).toList();
        assertEquals(500 - 60, kept.size());

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy, "object", "Contact", "where", Map.of("Email", JANE_EMAIL))).post("/api/v1/erasures")
                .then().statusCode(201).body("status", equalTo("COMPLETED")).body("records", hasSize(60))
                .body("dictionaries", hasSize(1))
                .body("dictionaries[0].dictionaryId", equalTo(before.get(0)))
                .body("dictionaries[0].replacementId", not(nullValue()))
                .body("dictionaries[0].payloadsReencoded", equalTo(440))
                .body("dictionaries[0].problem", nullValue());

        assertFalse(anyDictionaryHolds(JANE_EMAIL) || anyDictionaryHolds(JANE_NAME), "no dictionary holds Jane's values");
        List<Integer> after = dictionaries();
        assertEquals(1, after.size());
        assertFalse(after.contains(before.get(0)), "the dictionary trained on Jane is deleted");
        assertEquals(kept, read(), "every other record reads back as it did");
        assertEquals(0, payloadsNaming(before.get(0)));
        assertEquals(440, payloadsNaming(after.get(0)));
    }

    @Test
    void erasingARecordNoDictionaryWasTrainedOnReencodesNothing() throws Exception {
        List<Integer> before = dictionaries();
        Map<String, byte[]> payloads = payloads();
        String notASample = "003" + String.format("%012d", 450);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy, "object", "Contact", "ids", List.of(notASample))).post("/api/v1/erasures")
                .then().statusCode(201).body("status", equalTo("COMPLETED")).body("dictionaries", empty());

        assertEquals(before, dictionaries());
        Map<String, byte[]> after = payloads();
        payloads.remove(notASample);
        assertEquals(payloads.keySet(), after.keySet());
        payloads.forEach((id, payload) -> assertArrayEquals(payload, after.get(id), id + " was not re-encoded"));
    }

    @Test
    void aReplacementCutShortByACrashIsFinishedByTheNextRun() throws Exception {
        List<Integer> before = dictionaries();
        List<String> all = read();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE record_dictionary SET retired_at = now() WHERE id = ?")) {
            ps.setInt(1, before.get(0));
            ps.executeUpdate();
        }

        List<DictionaryReplacement.Replaced> replaced = replacement.replaceRetired();

        assertEquals(1, replaced.stream().filter(r -> r.dictionaryId() == before.get(0)).count());
        assertEquals(500, replaced.get(0).payloadsReencoded());
        assertFalse(dictionaries().contains(before.get(0)));
        assertEquals(0, payloadsNaming(before.get(0)));
        assertEquals(all, read());
    }

    private List<String> read() {
        return given().accept("application/x-ndjson").get("/api/v1/restore-points/" + point + "/objects/Contact/records").then()
                .statusCode(200).extract().asString().lines().sorted().collect(Collectors.toList());
    }

    private List<Integer> dictionaries() throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM record_dictionary WHERE stream_id = ? ORDER BY id")) {
            ps.setLong(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    /** A byte search through every stored dictionary. */
    private boolean anyDictionaryHolds(String value) throws Exception {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT dictionary FROM record_dictionary");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (indexOf(rs.getBytes(1), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Map<String, byte[]> payloads() throws Exception {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT record_id, payload FROM record_version WHERE stream_id = ? ORDER BY record_id, seq")) {
            ps.setLong(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.put(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return payloads;
    }

    private long payloadsNaming(int dictionaryId) throws Exception {
        byte[] prefix = dev.sfbackup.storage.restorepoint.service.PayloadCodec.dictionaryPrefix(dictionaryId);
        return payloads().values().stream().filter(p -> p.length > prefix.length
                && java.util.Arrays.equals(p, 0, prefix.length, prefix, 0, prefix.length)).count();
    }
}
