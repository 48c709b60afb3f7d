package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.RecordState;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.StoredBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts of records with a file body (the multipart "Insert or Update Blob Data" call) and what Salesforce does with
 * them: a ContentVersion inserted with a ContentDocumentId becomes that document's latest version; one without starts
 * a new ContentDocument, linked (ContentDocumentLink) to its FirstPublishLocationId. An Attachment keeps its Body.
 */
@ApplicationScoped
public class ContentService {

    /** The blob field and the size field of each object that takes a multipart insert. */
    private static final Map<String, String[]> BODY_FIELDS = Map.of(
            "ContentVersion", new String[] {"VersionData", "ContentSize"},
            "Attachment", new String[] {"Body", "BodyLength"});
    private static final String DOCUMENT = "ContentDocumentId";

    private final OrgService orgs;
    private final CollectionsService collections;

    public ContentService(OrgService orgs, CollectionsService collections) {
        this.orgs = orgs;
        this.collections = collections;
    }

    /** The blob field the multipart insert of this object carries, e.g. VersionData. */
    public String bodyField(String object) {
        String[] fields = BODY_FIELDS.get(table(object).name());
        if (fields == null) {
            throw new SalesforceApiException(400, "INVALID_FIELD", "sObject type '" + object + "' has no blob field a multipart insert can write");
        }
        return fields[0];
    }

    /** Creates the record from its JSON part with the body already stored; its id, or why it was refused. */
    public synchronized SaveResult insert(String object, Map<String, Object> fields, StoredBody body) {
        SObjectTable table = table(object);
        String[] bodyFields = BODY_FIELDS.get(table.name());
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.put("attributes", Map.of("type", table.name()));
        // the body came in its own part; an empty placeholder passes the required-field check and is replaced below
        record.put(bodyFields[0], "");
        if (table.name().equals("ContentVersion") && record.get("Title") == null && record.get("PathOnClient") instanceof String path) {
            // as in Salesforce: a version without a Title is titled after its file name, without the extension
            record.put("Title", path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : path);
        }
        SaveResult result = collections.create(false, List.of(record)).get(0);
        if (!result.success()) {
            return result;
        }
        int index = table.indexOf(result.id());
        long now = orgs.now();
        Map<String, Object> values = new HashMap<>(Map.of(bodyFields[0], body, bodyFields[1], body.size()));
        if (table.name().equals("ContentVersion")) {
            values.putAll(versionOfDocument(table, table.view(index), now));
        }
        table.replace(index, table.state(index).updated(now, values, false));
        return result;
    }

    /** Makes the new version its document's latest, or starts a new document (and its link) for it. */
    private Map<String, Object> versionOfDocument(SObjectTable versions, RecordView version, long now) {
        Org org = orgs.current();
        SObjectTable documents = org.table("ContentDocument").orElseThrow();
        Object title = version.get("Title");
        Object documentId = version.get(DOCUMENT);
        if (documentId == null) {
            Map<String, Object> document = new HashMap<>();
            document.put("Title", title);
            document.put("LatestPublishedVersionId", version.id());
            document.put("OwnerId", version.get("OwnerId"));
            String newDocument = documents.idOf(documents.append(new RecordState(0, now, now, true, document, 0)));
            Object location = version.get("FirstPublishLocationId");
            if (location != null) {
                SObjectTable links = org.table("ContentDocumentLink").orElseThrow();
                links.append(new RecordState(0, now, now, true, Map.of(DOCUMENT, newDocument, "LinkedEntityId", location,
                        "ShareType", "I", "Visibility", "AllUsers"), 0));
            }
            return Map.of(DOCUMENT, newDocument, "IsLatest", true);
        }
        for (int i = 0; i < versions.size(); i++) {
            if (i != version.index() && !versions.isDeleted(i)) {
                RecordView other = versions.view(i);
                if (documentId.equals(other.get(DOCUMENT)) && Boolean.TRUE.equals(other.get("IsLatest"))) {
                    versions.replace(i, versions.state(i).updated(now, Map.of("IsLatest", false), false));
                }
            }
        }
        int document = documents.indexOf((String) documentId);
        documents.replace(document, documents.state(document).updated(now,
                Map.of("LatestPublishedVersionId", version.id(), "Title", title), false));
        return Map.of("IsLatest", true);
    }

    private SObjectTable table(String object) {
        return orgs.current().table(object).orElseThrow(() -> new SalesforceApiException(404, "NOT_FOUND",
                "The requested resource does not exist"));
    }
}
