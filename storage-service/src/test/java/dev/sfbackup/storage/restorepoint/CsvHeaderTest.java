package dev.sfbackup.storage.restorepoint;

import static dev.sfbackup.storage.restorepoint.RestorePointApi.committed;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.ingest;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.lines;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.open;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.record;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The header of a CSV read without a projection: Id, then every field the object's records have had a value in as of
 * the point, from the field names recorded at ingest (no pass over the records before the first row).
 */
@QuarkusTest
class CsvHeaderTest {

    @Inject
    DataSource db;

    private final UUID policy = UUID.randomUUID();

    @Test
    void aColumnThatOnlyALaterBatchBringsIsInTheHeader() {
        String point = open(policy, "Account", "INITIAL");
        ingest(point, 1, lines("{\"Id\":\"0HA\",\"Name\":\"Plain\"}", record("0HB", "Attributed")));
        ingest(point, 2, lines("{\"Id\":\"0HC\",\"Industry\":\"Banking\",\"Name\":\"Later\"}"));
        committed(point);

        assertEquals("Id,Industry,Name\r\n0HA,,Plain\r\n0HB,,Attributed\r\n0HC,Banking,Later\r\n", csv(point, "Account"));
    }

    @Test
    void anOldPointHasOnlyTheColumnsItsRecordsHadThen() {
        String initial = open(policy, "Account", "INITIAL");
        ingest(initial, 1, lines(record("0HA", "Acme"), record("0HB", "Beta")));
        committed(initial);
        String incremental = open(policy, "Account", "INCREMENTAL");
        ingest(incremental, 1, lines("{\"BillingAddress\":{\"city\":\"Lyon\"},\"Employees\":12,\"Id\":\"0HB\",\"Name\":\"Beta\"}"));
        committed(incremental);

        assertEquals("Id,Name\r\n0HA,Acme\r\n0HB,Beta\r\n", csv(initial, "Account"));
        assertEquals("Id,BillingAddress,Employees,Name\r\n0HA,,,Acme\r\n0HB,\"{\"\"city\"\":\"\"Lyon\"\"}\",12,Beta\r\n",
                csv(incremental, "Account"));
    }

    @Test
    void eachNameIsRecordedOnceWithThePointThatFirstBroughtIt() throws SQLException {
        String initial = open(policy, "Contact", "INITIAL");
        ingest(initial, 1, lines(record("0HCA", "Ann", "Fax", "1"), record("0HCB", "Bob")));
        ingest(initial, 2, lines(record("0HCC", "Cid", "Fax", "2", "Age", null)));
        committed(initial);
        String full = open(policy, "Contact", "FULL");
        ingest(full, 1, lines(record("0HCA", "Ann", "Industry", "Retail"), record("0HCB", "Bob"), record("0HCC", "Cid")));
        committed(full);

        assertEquals(List.of(List.of("Fax", "Id", "Name"), List.of("Industry")), recordedNames("Contact"));
    }

    @Test
    void aFieldNoLiveRecordHasAnyMoreStaysAsAnEmptyColumnWhileStreamsStoredBeforeNamesWereRecordedReadTheRecords()
            throws SQLException {
        String initial = open(policy, "Lead", "INITIAL");
        ingest(initial, 1, lines(record("0HQA", "Ann", "Fax", "1")));
        committed(initial);
        String full = open(policy, "Lead", "FULL");
        ingest(full, 1, lines(record("0HQA", "Ann")));
        committed(full);
        assertEquals("Id,Fax,Name\r\n0HQA,,Ann\r\n", csv(full, "Lead"));

        update("UPDATE record_stream SET fields_recorded = false WHERE policy_id = ? AND object = 'Lead'");
        assertEquals("Id,Name\r\n0HQA,Ann\r\n", csv(full, "Lead"));
        assertEquals("Id,Fax,Name\r\n0HQA,1,Ann\r\n", csv(initial, "Lead"));
    }

    private static String csv(String point, String object) {
        return given().get("/api/v1/restore-points/" + point + "/objects/" + object + "/records?format=csv")
                .then().statusCode(200).extract().asString();
    }

    /** The names recorded for the policy's stream of the object, row by row in seq order, each row sorted. */
    private List<List<String>> recordedNames(String object) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT f.fields FROM record_field f"
                + " JOIN record_stream s ON s.id = f.stream_id WHERE s.policy_id = ? AND s.object = ? ORDER BY f.seq")) {
            ps.setObject(1, policy);
            ps.setString(2, object);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TreeSet<String> names = new TreeSet<>();
                    for (Object name : (Object[]) rs.getArray(1).getArray()) {
                        names.add((String) name);
                    }
                    rows.add(List.copyOf(names));
                }
            }
        }
        return rows;
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, policy);
            ps.executeUpdate();
        }
    }
}
