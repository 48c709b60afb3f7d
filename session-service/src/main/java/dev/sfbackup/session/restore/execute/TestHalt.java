package dev.sfbackup.session.restore.execute;

import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Test only (config {@code backup.restore.test-halt-after-create-of}): halts this instance the moment the org answered
 * a create of that object, before the id map is written, as a kill at the worst time would. Unset, it does nothing.
 */
final class TestHalt {

    private static final Logger LOG = Logger.getLogger(TestHalt.class);

    private final Optional<String> afterCreateOf;

    TestHalt(Optional<String> afterCreateOf) {
        this.afterCreateOf = afterCreateOf;
    }

    void afterCreateAnswered(String object) {
        if (afterCreateOf.filter(object::equals).isPresent()) {
            LOG.errorf("test halt: %s created in the org, id map not written; halting", object);
            Runtime.getRuntime().halt(86);
        }
    }
}
