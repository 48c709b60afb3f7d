package dev.sfbackup.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Salesforce's dateTime text: {@code 2013-05-07T22:07:19.000+0000} in responses; ISO-8601 with offset in requests. */
public final class SalesforceDateTime {

    private static final DateTimeFormatter READ = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX][X]");
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private SalesforceDateTime() {
    }

    public static Instant parse(String text) {
        return text == null || text.isEmpty() ? null : OffsetDateTime.parse(text, READ).toInstant();
    }

    /** For query parameters such as getDeleted's start/end, e.g. {@code 2013-05-05T00:00:00Z}. */
    public static String format(Instant instant) {
        return WRITE.format(instant);
    }

    /** For SOQL literals, e.g. {@code WHERE SystemModstamp > 2013-05-05T00:00:00Z} (no quotes). */
    public static String soqlLiteral(Instant instant) {
        return format(instant);
    }
}
