package dev.sfbackup.salesforce;

import java.util.Optional;
import java.util.Set;

/**
 * Whether an object can be backed up by querying it, and if not, why.
 *
 * @param skipReason empty when the object is backed up
 */
public record ObjectEligibility(String objectName, Optional<String> skipReason) {

    /**
     * Objects Salesforce documents as queryable only with a filter on a single id or parent
     * ("Implementation restriction: … requires a filter by …").
     */
    static final Set<String> REQUIRE_FILTER = Set.of(
            "ContentDocumentLink", "ContentFolderItem", "ContentFolderMember", "ContentHubItem",
            "DataStatistics", "FlexQueueItem", "IdeaComment", "RecordVisibility", "UserRecordAccess", "Vote",
            "EntityParticle", "FieldDefinition", "RelationshipInfo", "PicklistValueInfo", "OwnerChangeOptionInfo",
            "UserFieldAccess", "UserEntityAccess", "SearchLayout", "ColorDefinition", "IconDefinition");

    public boolean backedUp() {
        return skipReason.isEmpty();
    }

    /** Classifies an object from describeGlobal. */
    public static ObjectEligibility classify(SObjectSummary object) {
        return classify(object.name(), object.queryable(), object.retrieveable());
    }

    /** Classifies an object from its describe. */
    public static ObjectEligibility classify(SObjectDescribe object) {
        return classify(object.name(), object.queryable(), object.retrieveable());
    }

    /**
     * Classifies an object whose unfiltered query failed: Salesforce answers MALFORMED_QUERY "Implementation
     * restriction: … requires a filter …" for objects that must be filtered; empty for any other error.
     */
    public static Optional<ObjectEligibility> fromQueryError(String objectName, SalesforceException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (MalformedQueryException.ERROR_CODE.equals(error.errorCode()) && message.contains("Implementation restriction")) {
            return Optional.of(skipped(objectName, "cannot be queried without a filter ("
                    + message.substring(message.indexOf("Implementation restriction")).strip() + ")"));
        }
        return Optional.empty();
    }

    private static ObjectEligibility classify(String name, boolean queryable, boolean retrieveable) {
        if (!queryable) {
            return skipped(name, "not queryable (describe: queryable=false)");
        }
        if (!retrieveable) {
            return skipped(name, "not retrievable (describe: retrieveable=false)");
        }
        if (REQUIRE_FILTER.contains(name)) {
            return skipped(name, "cannot be queried without a filter (Salesforce implementation restriction)");
        }
        return new ObjectEligibility(name, Optional.empty());
    }

    private static ObjectEligibility skipped(String name, String reason) {
        return new ObjectEligibility(name, Optional.of(reason));
    }
}
