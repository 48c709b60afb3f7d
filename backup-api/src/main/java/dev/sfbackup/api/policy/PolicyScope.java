package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * What a policy backs up. objects is ["all"] or a list of object API names; exclude removes objects from it;
 * fieldExclusions maps an object to fields never read. In a request every member may be omitted: objects defaults to
 * ["all"], the lists and map to empty, every flag to true.
 */
@RegisterForReflection
public record PolicyScope(List<String> objects, List<String> exclude, Boolean autoAddNewObjects, Boolean autoAddNewFields,
        Boolean includeFiles, Boolean includeMetadata, Map<String, List<String>> fieldExclusions) {
}
