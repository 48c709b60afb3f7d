package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The target org's current records of one object, deleted ones included ({@code IsDeleted} tells them). */
interface CurrentRecords {

    /** The records of these ids the org holds, by id, with {@code Id}, {@code IsDeleted} and the pass's fields. */
    Map<String, ObjectNode> of(Collection<String> ids);

    /** Whether the org holds the record and it is not in the recycle bin; empty when this source cannot tell cheaply. */
    default Optional<Boolean> live(String id) {
        return Optional.empty();
    }
}
