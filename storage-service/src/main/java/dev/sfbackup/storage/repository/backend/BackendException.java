package dev.sfbackup.storage.repository.backend;

import java.io.IOException;

/** A backend failure. Transient ones may be retried; {@link Permanent} and {@link NotFound} must not be. */
public class BackendException extends IOException {

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Retrying cannot help: bad credentials, bad request, missing bucket. */
    public static class Permanent extends BackendException {
        public Permanent(String message) {
            super(message);
        }

        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The object does not exist. */
    public static final class NotFound extends Permanent {
        public NotFound(String name) {
            super("object not found: " + name);
        }
    }

    public static boolean isPermanent(Throwable error) {
        return error instanceof Permanent;
    }

    public static boolean isNotFound(Throwable error) {
        return error instanceof NotFound;
    }
}
