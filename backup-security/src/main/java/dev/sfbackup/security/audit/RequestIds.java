package dev.sfbackup.security.audit;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request's audit entry to the caller's and the services' logs: X-Request-Id, or a new one. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String PROPERTY = "sfbackup.request-id";
    /** A caller's id is kept only when it is short and plain, so a header cannot smuggle text into the trail. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String from(String header) {
        return header != null && PLAIN.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
