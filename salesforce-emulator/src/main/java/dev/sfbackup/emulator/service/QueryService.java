package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.SalesforceIds;
import dev.sfbackup.emulator.soql.QueryPlan;
import dev.sfbackup.emulator.soql.SoqlCompiler;
import dev.sfbackup.emulator.soql.SoqlException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** REST query and queryAll with server-side cursors paged through nextRecordsUrl. */
@ApplicationScoped
public class QueryService {

    public static final int DEFAULT_BATCH = 2000;
    private static final int MIN_BATCH = 200;
    private static final int MAX_OPEN_CURSORS = 25;

    private record Cursor(Org org, QueryPlan plan, int[] indexes, int batchSize, String version) {
    }

    private final OrgService orgs;
    private final FaultInjector faults;
    private final RecordRenderer renderer;
    private final AtomicLong cursorCounter = new AtomicLong();
    private final Map<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN_CURSORS;
        }
    };

    public QueryService(OrgService orgs, FaultInjector faults, RecordRenderer renderer) {
        this.orgs = orgs;
        this.faults = faults;
        this.renderer = renderer;
    }

    /** Compiles a query against the current org, turning SOQL errors into Salesforce's 400 answers. */
    public QueryPlan compile(String soql) {
        try {
            return SoqlCompiler.compile(soql, orgs.current());
        } catch (SoqlException e) {
            throw new SalesforceApiException(400, e.errorCode(), e.getMessage());
        }
    }

    public QueryPage query(String version, String soql, boolean includeDeleted, Integer requestedBatch) {
        QueryPlan plan = compile(soql);
        faults.check(plan.table().name(), FaultInjector.Call.QUERY);
        int[] indexes = plan.execute(includeDeleted);
        if (plan.countOnly()) {
            return new QueryPage(indexes.length, true, null, List.of());
        }
        int batch = requestedBatch == null ? DEFAULT_BATCH : Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, requestedBatch));
        Cursor cursor = new Cursor(orgs.current(), plan, indexes, batch, version);
        String cursorId = null;
        if (indexes.length > batch) {
            cursorId = SalesforceIds.id("01g", cursorCounter.incrementAndGet());
            synchronized (cursors) {
                cursors.put(cursorId, cursor);
            }
        }
        return page(cursor, cursorId, 0);
    }

    /** The page of an open cursor; the locator is {@code <cursorId>-<offset>} as in nextRecordsUrl. */
    public QueryPage more(String locator) {
        int dash = locator.lastIndexOf('-');
        Cursor cursor;
        synchronized (cursors) {
            cursor = dash < 0 ? null : cursors.get(locator.substring(0, dash));
        }
        int offset = dash < 0 ? -1 : parseOffset(locator.substring(dash + 1));
        if (cursor == null || cursor.org() != orgs.current() || offset < 0 || offset > cursor.indexes().length) {
            throw new SalesforceApiException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        faults.check(cursor.plan().table().name(), FaultInjector.Call.QUERY_MORE);
        return page(cursor, locator.substring(0, dash), offset);
    }

    private QueryPage page(Cursor cursor, String cursorId, int offset) {
        int end = Math.min(cursor.indexes().length, offset + cursor.batchSize());
        List<Map<String, Object>> records = renderer.rest(cursor.plan().table(), cursor.indexes(), offset, end, cursor.plan().fields(),
                cursor.version());
        boolean done = end >= cursor.indexes().length;
        String next = done ? null : "/services/data/v" + cursor.version() + "/query/" + cursorId + "-" + end;
        return new QueryPage(cursor.indexes().length, done, next, records);
    }

    private static int parseOffset(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
