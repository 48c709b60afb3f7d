package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.SystemFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** describeGlobal and sObject describe, with the properties a backup client reads. */
@ApplicationScoped
public class DescribeService {

    private final OrgService orgs;
    private final FaultInjector faults;

    public DescribeService(OrgService orgs, FaultInjector faults) {
        this.orgs = orgs;
        this.faults = faults;
    }

    public Map<String, Object> describeGlobal(String version) {
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("encoding", "UTF-8");
        global.put("maxBatchSize", 200);
        global.put("sobjects", orgs.current().tables().stream().map(t -> summary(t, version)).toList());
        return global;
    }

    public Map<String, Object> basicInfo(String version, String object) {
        SObjectTable table = table(object);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("objectDescribe", summary(table, version));
        info.put("recentItems", List.of());
        return info;
    }

    public Map<String, Object> describe(String version, String object) {
        SObjectTable table = table(object);
        Map<String, Object> describe = summary(table, version);
        describe.put("fields", table.fields().stream().map(f -> field(table, f)).toList());
        describe.put("childRelationships", childRelationships(orgs.current(), table));
        describe.put("recordTypeInfos", List.of());
        return describe;
    }

    public SObjectTable table(String object) {
        SObjectTable table = orgs.current().table(object).orElseThrow(() -> new SalesforceApiException(404, "NOT_FOUND",
                "The requested resource does not exist"));
        faults.check(table.name(), FaultInjector.Call.DESCRIBE);
        return table;
    }

    private Map<String, Object> summary(SObjectTable table, String version) {
        String base = "/services/data/v" + version + "/sobjects/" + table.name();
        boolean writable = !table.name().equals("ContentWorkspaceMember");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("activateable", false);
        s.put("createable", writable);
        s.put("custom", table.custom());
        s.put("customSetting", false);
        s.put("deletable", writable && !table.name().equals("User"));
        s.put("deprecatedAndHidden", false);
        s.put("feedEnabled", false);
        s.put("keyPrefix", table.keyPrefix());
        s.put("label", table.label());
        s.put("labelPlural", table.label().endsWith("s") ? table.label() : table.label() + "s");
        s.put("layoutable", true);
        s.put("mergeable", false);
        s.put("mruEnabled", false);
        s.put("name", table.name());
        s.put("queryable", true);
        s.put("replicateable", table.replicateable());
        s.put("retrieveable", true);
        s.put("searchable", true);
        s.put("triggerable", true);
        s.put("undeletable", table.hasField(SystemFields.IS_DELETED));
        s.put("updateable", writable);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("rowTemplate", base + "/{ID}");
        urls.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
        urls.put("describe", base + "/describe");
        urls.put("sobject", base);
        s.put("urls", urls);
        return s;
    }

    private Map<String, Object> field(SObjectTable table, FieldDef field) {
        FieldType type = field.type();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("aggregatable", type != FieldType.TEXTAREA && type != FieldType.BASE64);
        f.put("autoNumber", field.name().equals("CaseNumber"));
        f.put("byteLength", type.isText() ? field.length() * 3 : 0);
        f.put("calculated", field.calculated());
        f.put("createable", table.createable(field));
        f.put("custom", field.custom());
        f.put("defaultedOnCreate", field.isSystem() || field.name().equals("OwnerId") || !field.nillable() && type == FieldType.BOOLEAN);
        f.put("deprecatedAndHidden", false);
        f.put("digits", type == FieldType.INT ? 9 : 0);
        f.put("externalId", false);
        f.put("filterable", type != FieldType.TEXTAREA && type != FieldType.BASE64);
        f.put("groupable", type.isText() || type == FieldType.BOOLEAN || type == FieldType.DATE);
        f.put("idLookup", field.name().equals(SystemFields.ID));
        f.put("label", field.label());
        f.put("length", type.isText() ? field.length() : 0);
        f.put("name", field.name());
        f.put("nameField", field.name().equals("Name"));
        f.put("nillable", field.nillable());
        f.put("picklistValues", field.picklistValues().stream().map(DescribeService::picklistValue).toList());
        f.put("precision", type == FieldType.CURRENCY || type == FieldType.DOUBLE || type == FieldType.PERCENT ? 18 : 0);
        f.put("referenceTo", field.referenceTo());
        f.put("relationshipName", field.relationshipName());
        f.put("scale", type == FieldType.CURRENCY || type == FieldType.PERCENT ? 2 : 0);
        f.put("soapType", type.soapType());
        f.put("sortable", type != FieldType.TEXTAREA && type != FieldType.BASE64);
        f.put("type", type.apiName());
        f.put("unique", field.unique());
        f.put("updateable", field.updateable());
        return f;
    }

    private static Map<String, Object> picklistValue(String value) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("active", true);
        p.put("defaultValue", false);
        p.put("label", value);
        p.put("validFor", null);
        p.put("value", value);
        return p;
    }

    /** Salesforce's names: Contacts, Opportunities, Cases; ChildAccounts for Account.ParentId; Invoices__r for custom lookups. */
    private static String relationshipName(SObjectTable child, SObjectTable parent, FieldDef field) {
        String base = child.name().replace("__c", "");
        String plural = base.endsWith("y") ? base.substring(0, base.length() - 1) + "ies" : base.endsWith("s") ? base + "es" : base + "s";
        if (child == parent) {
            plural = "Child" + plural;
        }
        return field.custom() || child.custom() ? plural + "__r" : plural;
    }

    private static List<Map<String, Object>> childRelationships(Org org, SObjectTable parent) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (SObjectTable child : org.tables()) {
            for (FieldDef field : child.fields()) {
                if (field.referenceTo().contains(parent.name()) && !field.isSystem()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("cascadeDelete", field.cascadeDelete());
                    r.put("childSObject", child.name());
                    r.put("deprecatedAndHidden", false);
                    r.put("field", field.name());
                    r.put("relationshipName", relationshipName(child, parent, field));
                    r.put("restrictedDelete", false);
                    children.add(r);
                }
            }
        }
        return children;
    }
}
