package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.RecycleBin;
import dev.sfbackup.emulator.org.SObjectTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SOAP calls on the recycle bin, undelete() and emptyRecycleBin(), and the admin purge. */
@ApplicationScoped
public class RecycleBinService {

    /** Salesforce's limit for the ids of one undelete() or emptyRecycleBin() call. */
    public static final int MAX_IDS = 200;

    private final OrgService orgs;

    public RecycleBinService(OrgService orgs) {
        this.orgs = orgs;
    }

    /** One result per id, in order: the record (and what its deletion took along) is back with its id. */
    public List<SaveResult> undelete(List<String> ids) {
        checkSize(ids);
        Org org = orgs.current();
        List<SaveResult> results = new ArrayList<>(ids.size());
        for (String id : ids) {
            results.add(result(id, org, org.recycleBin().undelete(id, orgs::now)));
        }
        return results;
    }

    /** One result per id, in order: the record is gone for good (queryAll no longer sees it, undelete fails). */
    public List<SaveResult> emptyRecycleBin(List<String> ids) {
        checkSize(ids);
        Org org = orgs.current();
        List<SaveResult> results = new ArrayList<>(ids.size());
        for (String id : ids) {
            results.add(result(id, org, org.recycleBin().purge(id)));
        }
        return results;
    }

    /** Empties the recycle bin of one object, or of every object when {@code object} is null; answers how many. */
    public int purge(String object) {
        SObjectTable only = object == null ? null : orgs.table(object);
        return orgs.current().recycleBin().purgeAll(only);
    }

    private static SaveResult result(String id, Org org, Optional<RecycleBin.Refusal> refusal) {
        if (refusal.isPresent()) {
            return SaveResult.failed(null, new SaveResult.SaveError(refusal.get().statusCode(), refusal.get().message(), List.of()));
        }
        SObjectTable table = org.tableOfId(id).orElseThrow();
        return SaveResult.ok(table.idOf(table.indexOf(id)));
    }

    private static void checkSize(List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw new SalesforceApiException(500, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }
    }
}
