package dev.sfbackup.emulator.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The schema and value generators of the demo org: a small sales-and-service org with files. */
public final class DemoOrgBlueprint {

    private DemoOrgBlueprint() {
    }

    public static Org build(OrgSpec spec) {
        Org org = new Org(spec.seed(), spec.fileMeanBytes());
        org.addObject("User", "User", "005", userFields(), Math.max(1, spec.count("User")));
        org.addObject("Account", "Account", "001", accountFields(org), spec.count("Account"));
        org.addObject("Contact", "Contact", "003", contactFields(org), spec.count("Contact"));
        org.addObject("Opportunity", "Opportunity", "006", opportunityFields(org), spec.count("Opportunity"));
        org.addObject("Case", "Case", "500", caseFields(org), spec.count("Case"));
        org.addObject("ContentVersion", "Content Version", "068", contentVersionFields(org), spec.count("ContentVersion"));
        org.addObject("ContentDocument", "Content Document", "069", contentDocumentFields(org), spec.count("ContentVersion"));
        org.addObject("ContentDocumentLink", "Content Document Link", "06A", contentDocumentLinkFields(org), spec.count("ContentVersion"))
                .requireFilterOn(List.of("ContentDocumentId", "LinkedEntityId"));
        org.addObject("Attachment", "Attachment", "00P", attachmentFields(org), spec.count("Attachment"));
        org.addObject("AssetAttribute", "Asset Attribute", "1AA", assetAttributeFields(), spec.count("AssetAttribute"));
        org.addObject("ContentWorkspaceMember", "Library Member", "05A", workspaceMemberFields(org), spec.count("ContentWorkspaceMember"));
        return org;
    }

    /** Fields of a custom object added at run time: Name, owner and the system fields. */
    public static List<FieldDef> customObjectFields(Org org, boolean incremental) {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(idField());
        fields.add(readOnly(SystemFields.IS_DELETED, FieldType.BOOLEAN));
        fields.add(FieldDef.data("Name", FieldType.STRING, 80, false, (r, n) -> r.table().name().replace("__c", "") + "-" + (r.index() + 1)));
        fields.add(owner(org));
        fields.addAll(auditFields(incremental));
        return fields;
    }

    private static List<FieldDef> userFields() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(idField());
        fields.add(FieldDef.data("Username", FieldType.STRING, 80, false, (r, n) -> "user" + (r.index() + 1) + "@demo-org.example").asUnique());
        fields.add(FieldDef.data("FirstName", FieldType.STRING, 40, true, (r, n) -> Words.pick(Words.FIRST_NAMES, n)));
        fields.add(FieldDef.data("LastName", FieldType.STRING, 80, false, (r, n) -> Words.pick(Words.LAST_NAMES, n)));
        fields.add(FieldDef.data("Email", FieldType.EMAIL, 128, false, (r, n) -> "user" + (r.index() + 1) + "@demo-org.example"));
        fields.add(FieldDef.data("Title", FieldType.STRING, 80, true, (r, n) -> Words.pick(Words.TITLES, n)));
        // user 1 is the integration user every token acts as: always active
        fields.add(FieldDef.data("IsActive", FieldType.BOOLEAN, 0, false, (r, n) -> r.index() == 0 || Noise.below(n, 10) != 0));
        fields.addAll(auditFields(true));
        return fields;
    }

    private static List<FieldDef> accountFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.data("Name", FieldType.STRING, 255, false, (r, n) ->
                Words.pick(Words.COMPANY_WORDS, n) + " " + Words.pick(Words.COMPANY_SUFFIXES, n >>> 12) + " " + (r.index() + 1)));
        fields.add(FieldDef.reference("ParentId", "Account", true, parentAccount()));
        fields.add(FieldDef.picklist("Type", Words.ACCOUNT_TYPES, (r, n) -> Words.pick(Words.ACCOUNT_TYPES, n)));
        fields.add(FieldDef.picklist("Industry", Words.INDUSTRIES, (r, n) -> Noise.below(n, 9) == 0 ? null : Words.pick(Words.INDUSTRIES, n >>> 4)));
        fields.add(FieldDef.data("BillingCity", FieldType.STRING, 40, true, (r, n) -> Words.pick(Words.CITIES, n)));
        fields.add(FieldDef.data("Phone", FieldType.PHONE, 40, true, (r, n) -> phone(n)));
        fields.add(FieldDef.data("Website", FieldType.URL, 255, true, (r, n) -> "https://www." + Words.pick(Words.COMPANY_WORDS, n).toLowerCase().replace(' ', '-') + ".example"));
        fields.add(FieldDef.data("AnnualRevenue", FieldType.CURRENCY, 0, true, (r, n) -> Noise.below(n, 5) == 0 ? null : (double) (Noise.below(n >>> 8, 5000) * 10_000L)));
        fields.add(FieldDef.data("NumberOfEmployees", FieldType.INT, 0, true, (r, n) -> 1 + Noise.below(n, 20000)));
        fields.add(FieldDef.data("Description", FieldType.TEXTAREA, 32000, true, (r, n) -> Noise.below(n, 4) == 0 ? null : Words.text(n, 40)));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    private static List<FieldDef> contactFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.reference("AccountId", "Account", true, parent(org, "Account")).cascadingDelete());
        fields.add(FieldDef.data("FirstName", FieldType.STRING, 40, true, (r, n) -> Words.pick(Words.FIRST_NAMES, n)));
        fields.add(FieldDef.data("LastName", FieldType.STRING, 80, false, (r, n) -> Words.pick(Words.LAST_NAMES, n)));
        fields.add(FieldDef.data("Email", FieldType.EMAIL, 80, true, (r, n) -> "contact" + (r.index() + 1) + "." + Noise.below(n, 100) + "@example.com"));
        fields.add(FieldDef.data("Phone", FieldType.PHONE, 40, true, (r, n) -> phone(n)));
        fields.add(FieldDef.data("Title", FieldType.STRING, 128, true, (r, n) -> Words.pick(Words.TITLES, n)));
        fields.add(FieldDef.data("Birthdate", FieldType.DATE, 0, true, (r, n) -> LocalDate.of(1950, 1, 1).plusDays(Noise.below(n, 18000))));
        fields.add(FieldDef.data("Description", FieldType.TEXTAREA, 32000, true, (r, n) -> Noise.below(n, 3) == 0 ? Words.text(n, 25) : null));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    private static List<FieldDef> opportunityFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.reference("AccountId", "Account", true, parent(org, "Account")).cascadingDelete());
        fields.add(FieldDef.data("Name", FieldType.STRING, 120, false, (r, n) -> Words.pick(Words.COMPANY_WORDS, n) + " deal #" + (r.index() + 1)));
        fields.add(FieldDef.picklist("StageName", Words.STAGES, (r, n) -> Words.pick(Words.STAGES, n)));
        fields.add(FieldDef.data("Amount", FieldType.CURRENCY, 0, true, (r, n) -> Noise.below(n, 2_000_000) / 4 * 4 + 0.5 * Noise.below(n >>> 30, 2)));
        fields.add(FieldDef.data("CloseDate", FieldType.DATE, 0, false, (r, n) -> LocalDate.of(2025, 1, 1).plusDays(Noise.below(n, 700))));
        fields.add(FieldDef.data("Probability", FieldType.PERCENT, 0, true, (r, n) -> (double) (Noise.below(n, 11) * 10)));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    private static List<FieldDef> caseFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.readOnly("CaseNumber", FieldType.STRING, 30, false, (r, n) -> String.format("%08d", r.index() + 1)));
        fields.add(FieldDef.reference("ContactId", "Contact", true, parent(org, "Contact")));
        // A case belongs to the account of its contact, as in a real org, so the hierarchy Account <- Contact <- Case is consistent.
        fields.add(FieldDef.reference("AccountId", "Account", true, (r, n) -> {
            Object contactId = r.get("ContactId");
            return contactId == null ? null : org.table("Contact").map(t -> {
                int contact = t.indexOf((String) contactId);
                return contact < 0 ? null : t.view(contact).get("AccountId");
            }).orElse(null);
        }).cascadingDelete());
        fields.add(FieldDef.data("Subject", FieldType.STRING, 255, true, (r, n) -> Words.pick(Words.SUBJECTS, n)));
        fields.add(FieldDef.picklist("Status", Words.CASE_STATUSES, (r, n) -> Words.pick(Words.CASE_STATUSES, n)));
        fields.add(FieldDef.picklist("Priority", Words.PRIORITIES, (r, n) -> Words.pick(Words.PRIORITIES, n)));
        fields.add(FieldDef.picklist("Origin", Words.ORIGINS, (r, n) -> Words.pick(Words.ORIGINS, n)));
        fields.add(FieldDef.data("Description", FieldType.TEXTAREA, 32000, true, (r, n) -> Words.text(n, 60)));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    private static List<FieldDef> contentVersionFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.data("Title", FieldType.STRING, 255, false, (r, n) -> "Document " + (r.index() + 1) + " rev " + r.revision()));
        fields.add(new FieldDef("PathOnClient", "Path On Client", FieldType.STRING, 500, false, true, false, false, false,
                List.of(), null, List.of(), false, (r, n) -> "document-" + (r.index() + 1) + "." + extension(r)));
        fields.add(FieldDef.readOnly("FileExtension", FieldType.STRING, 40, true, (r, n) -> extension(r)));
        // Size and body change with every update: an updated file is a new upload.
        fields.add(new FieldDef("ContentSize", "Size", FieldType.INT, 0, true, false, false, false, false,
                List.of(), null, List.of(), true, (r, n) -> blobSize(org.fileMeanBytes(), n)));
        fields.add(new FieldDef("VersionData", "Version Data", FieldType.BASE64, 0, false, true, false, false, false,
                List.of(), null, List.of(), false, null));
        // createable: a version inserted with it is a new version of that document, without it the first of a new one
        fields.add(new FieldDef("ContentDocumentId", "Content Document ID", FieldType.REFERENCE, 18, true, true, false, false, false,
                List.of("ContentDocument"), "ContentDocument", List.of(), false, (r, n) -> SalesforceIds.id("069", r.index() + 1L))
                .cascadingDelete());
        fields.add(new FieldDef("FirstPublishLocationId", "First Publish Location ID", FieldType.REFERENCE, 18, true, true, false,
                false, false, List.of("Account"), "FirstPublishLocation", List.of(), false, parent(org, "Account")));
        fields.add(FieldDef.readOnly("IsLatest", FieldType.BOOLEAN, 0, false, (r, n) -> true));
        fields.add(FieldDef.data("Description", FieldType.TEXTAREA, 1000, true, (r, n) -> Noise.below(n, 2) == 0 ? null : Words.text(n, 15)));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    /** One document per generated version (069 i+1 holds version 068 i+1); later versions and documents come by insert. */
    private static List<FieldDef> contentDocumentFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.data("Title", FieldType.STRING, 255, false, (r, n) -> "Document " + (r.index() + 1)));
        fields.add(new FieldDef("LatestPublishedVersionId", "Latest Published Version ID", FieldType.REFERENCE, 18, true, false, false,
                false, false, List.of("ContentVersion"), "LatestPublishedVersion", List.of(), false,
                (r, n) -> SalesforceIds.id("068", r.index() + 1L)));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    /**
     * Who a document is shared with: generated document i is linked to the record its version was first published on.
     * Queried only with a filter on ContentDocumentId or LinkedEntityId, as in Salesforce.
     */
    private static List<FieldDef> contentDocumentLinkFields(Org org) {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(idField());
        fields.add(readOnly(SystemFields.IS_DELETED, FieldType.BOOLEAN));
        fields.add(new FieldDef("ContentDocumentId", "Content Document ID", FieldType.REFERENCE, 18, false, true, false, false, false,
                List.of("ContentDocument"), "ContentDocument", List.of(), false, (r, n) -> SalesforceIds.id("069", r.index() + 1L))
                .cascadingDelete());
        fields.add(new FieldDef("LinkedEntityId", "Linked Entity ID", FieldType.REFERENCE, 18, false, true, false, false, false,
                List.of("Account"), "LinkedEntity", List.of(), false, (r, n) -> org.table("ContentVersion")
                        .map(versions -> versions.view(r.index()).get("FirstPublishLocationId")).orElse(null))
                .cascadingDelete());
        fields.add(FieldDef.picklist("ShareType", List.of("V", "C", "I"), (r, n) -> "I"));
        fields.add(FieldDef.picklist("Visibility", List.of("AllUsers", "InternalUsers", "SharedUsers"), (r, n) -> "AllUsers"));
        fields.add(readOnly(SystemFields.SYSTEM_MODSTAMP, FieldType.DATETIME));
        return fields;
    }

    private static List<FieldDef> attachmentFields(Org org) {
        List<FieldDef> fields = standardStart();
        fields.add(FieldDef.reference("ParentId", "Account", false, parent(org, "Account")));
        fields.add(FieldDef.data("Name", FieldType.STRING, 255, false, (r, n) -> "attachment-" + (r.index() + 1) + ".txt"));
        fields.add(FieldDef.data("ContentType", FieldType.STRING, 120, true, (r, n) -> "application/octet-stream"));
        fields.add(new FieldDef("BodyLength", "Body Length", FieldType.INT, 0, true, false, false, false, false,
                List.of(), null, List.of(), true, (r, n) -> blobSize(Math.max(1, org.fileMeanBytes() / 4), n)));
        fields.add(new FieldDef("Body", "Body", FieldType.BASE64, 0, false, true, true, false, false,
                List.of(), null, List.of(), false, null));
        fields.add(FieldDef.data("IsPrivate", FieldType.BOOLEAN, 0, false, (r, n) -> false));
        fields.add(FieldDef.data("Description", FieldType.TEXTAREA, 500, true, (r, n) -> null));
        fields.add(owner(org));
        fields.addAll(auditFields(true));
        return fields;
    }

    private static List<FieldDef> assetAttributeFields() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(idField());
        fields.add(readOnly(SystemFields.IS_DELETED, FieldType.BOOLEAN));
        fields.add(FieldDef.data("AssetId", FieldType.STRING, 18, false, (r, n) -> SalesforceIds.id("02i", Noise.below(n, 500) + 1L)));
        fields.add(FieldDef.picklist("AttributeName", Words.ATTRIBUTE_NAMES, (r, n) -> Words.pick(Words.ATTRIBUTE_NAMES, n)));
        fields.add(FieldDef.data("Value", FieldType.STRING, 255, true, (r, n) -> "v" + Noise.below(n, 1000)));
        fields.addAll(auditFields(false));
        return fields;
    }

    private static List<FieldDef> workspaceMemberFields(Org org) {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(idField());
        fields.add(FieldDef.data("ContentWorkspaceId", FieldType.STRING, 18, false, (r, n) -> SalesforceIds.id("058", Noise.below(n, 12) + 1L)));
        fields.add(FieldDef.reference("MemberId", "User", false, (r, n) -> org.userId(n)));
        fields.add(FieldDef.picklist("MemberType", Words.MEMBER_TYPES, (r, n) -> Words.pick(Words.MEMBER_TYPES, n)));
        fields.addAll(auditFields(false));
        return fields;
    }

    private static List<FieldDef> standardStart() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(idField());
        fields.add(readOnly(SystemFields.IS_DELETED, FieldType.BOOLEAN));
        return fields;
    }

    private static FieldDef idField() {
        return new FieldDef(SystemFields.ID, "Record ID", FieldType.ID, 18, false, false, false, false, false,
                List.of(), null, List.of(), false, null);
    }

    private static FieldDef readOnly(String name, FieldType type) {
        return FieldDef.readOnly(name, type, 0, false, null);
    }

    private static FieldDef owner(Org org) {
        return FieldDef.reference("OwnerId", "User", false, (r, n) -> org.userId(n));
    }

    /** CreatedDate and CreatedById always; LastModifiedDate, LastModifiedById and SystemModstamp only when incremental. */
    private static List<FieldDef> auditFields(boolean incremental) {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(readOnly(SystemFields.CREATED_DATE, FieldType.DATETIME));
        fields.add(systemReference(SystemFields.CREATED_BY_ID, "CreatedBy"));
        if (incremental) {
            fields.add(readOnly(SystemFields.LAST_MODIFIED_DATE, FieldType.DATETIME));
            fields.add(systemReference(SystemFields.LAST_MODIFIED_BY_ID, "LastModifiedBy"));
            fields.add(readOnly(SystemFields.SYSTEM_MODSTAMP, FieldType.DATETIME));
        }
        return fields;
    }

    private static FieldDef systemReference(String name, String relationship) {
        return new FieldDef(name, name.replace("Id", " ID"), FieldType.REFERENCE, 18, false, false, false, false, false,
                List.of("User"), relationship, List.of(), false, null);
    }

    private static ValueGenerator parent(Org org, String parentObject) {
        return (r, n) -> org.table(parentObject)
                .filter(t -> t.generatedCount() > 0)
                .map(t -> t.idOf(Noise.below(n, t.generatedCount())))
                .orElse(null);
    }

    /**
     * One account in five belongs to a parent account with a lower index, so the hierarchy has no cycles and a
     * restore meets a self-reference that must be written in two passes.
     */
    private static ValueGenerator parentAccount() {
        return (r, n) -> r.index() == 0 || r.index() >= r.table().generatedCount() || Noise.below(n, 5) != 0 ? null
                : r.table().idOf(Noise.below(n >>> 8, r.index()));
    }

    private static String phone(long n) {
        int line = Noise.below(n >>> 20, 10000);
        return "(" + (200 + Noise.below(n, 800)) + ") 555-" + (char) ('0' + line / 1000) + (char) ('0' + line / 100 % 10)
                + (char) ('0' + line / 10 % 10) + (char) ('0' + line % 10);
    }

    private static String extension(RecordView r) {
        return Words.pick(Words.FILE_EXTENSIONS, Noise.of(r.table().org().seed(), r.index()));
    }

    /** Sizes spread evenly between half and one and a half times the mean. */
    private static int blobSize(int meanBytes, long n) {
        return meanBytes / 2 + Noise.below(n, Math.max(1, meanBytes));
    }
}
