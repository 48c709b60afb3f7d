package dev.sfbackup.storage.restorepoint.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The bulk formats of record reads: NDJSON by default, CSV when asked for (Accept: text/csv or format=csv). */
enum RecordsMediaType {
    NDJSON("application/x-ndjson"), CSV("text/csv");

    final String value;

    RecordsMediaType(String value) {
        this.value = value;
    }

    static RecordsMediaType choose(HttpHeaders headers, String format) {
        if ("csv".equalsIgnoreCase(format)) {
            return CSV;
        }
        if (format == null || format.isBlank() || "ndjson".equalsIgnoreCase(format)) {
            for (MediaType accepted : headers.getAcceptableMediaTypes()) {
                if ("text".equals(accepted.getType()) && "csv".equals(accepted.getSubtype())) {
                    return CSV;
                }
                if ("x-ndjson".equals(accepted.getSubtype())) {
                    return NDJSON;
                }
            }
            return NDJSON;
        }
        throw dev.sfbackup.common.problem.ApiProblem.badRequest("format", "one of ndjson, csv");
    }
}
