package dev.sfbackup.session.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteErrorsTest {

    @Test
    void a503WithRetryAfterAsksTheCallerToComeBackThatMuchLater() {
        RuntimeException error = RemoteErrors.classify("storage-service", new WebApplicationException(
                Response.status(503).header("Retry-After", "1740").entity("{\"detail\":\"reconnect window\"}").build()));
        RemoteRetryLater later = assertInstanceOf(RemoteRetryLater.class, error);
        assertEquals(Duration.ofSeconds(1740), later.retryAfter());
    }

    @Test
    void a503WithoutRetryAfterStaysAnOrdinaryRetryableError() {
        WebApplicationException plain = new WebApplicationException(Response.status(503).build());
        assertSame(plain, RemoteErrors.classify("storage-service", plain));
        assertEquals(Optional.empty(), RemoteErrors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void aRejectionKnowsItsProblemType() {
        RemoteCallRejected restarted = assertInstanceOf(RemoteCallRejected.class, RemoteErrors.classify("storage-service",
                new WebApplicationException(Response.status(409).entity("{\"type\":\"" + CacheProblemTypes.TRANSFER_RESTARTED
                        + "\",\"status\":409}").build())));
        assertTrue(restarted.isProblem(CacheProblemTypes.TRANSFER_RESTARTED));
        RemoteCallRejected other = assertInstanceOf(RemoteCallRejected.class, RemoteErrors.classify("storage-service",
                new WebApplicationException(Response.status(409).entity("not json").build())));
        assertFalse(other.isProblem(CacheProblemTypes.TRANSFER_RESTARTED));
        assertEquals(409, other.status());
    }
}
