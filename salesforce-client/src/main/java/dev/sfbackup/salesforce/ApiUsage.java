package dev.sfbackup.salesforce;

import java.time.Instant;
import java.util.Optional;

/**
 * The org's API request usage as last reported by Salesforce in {@code Sforce-Limit-Info: api-usage=N/M}
 * (optionally followed by {@code ; per-app-api-usage=…}).
 *
 * @param used      requests used in the rolling 24 hours (N)
 * @param limit     the org's 24-hour allowance (M)
 * @param observedAt when the response carrying the header arrived
 */
public record ApiUsage(long used, long limit, Instant observedAt) {

    public static final String HEADER = "Sforce-Limit-Info";

    public long remaining() {
        return Math.max(0, limit - used);
    }

    /** Used share of the allowance, 0.0 to 1.0 (1.0 when the limit is unknown or zero). */
    public double usedFraction() {
        return limit <= 0 ? 1.0 : Math.min(1.0, (double) used / limit);
    }

    /** Parses the header value; empty when it carries no well-formed {@code api-usage=N/M}. */
    public static Optional<ApiUsage> parse(String headerValue, Instant observedAt) {
        if (headerValue == null) {
            return Optional.empty();
        }
        for (String part : headerValue.split(";")) {
            String item = part.trim();
            if (item.startsWith("api-usage=")) {
                String[] numbers = item.substring("api-usage=".length()).split("/");
                if (numbers.length == 2) {
                    try {
                        return Optional.of(new ApiUsage(Long.parseLong(numbers[0].trim()),
                                Long.parseLong(numbers[1].trim()), observedAt));
                    } catch (NumberFormatException malformed) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
