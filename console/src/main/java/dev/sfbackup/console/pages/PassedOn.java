package dev.sfbackup.console.pages;

import dev.sfbackup.console.api.ServiceApi;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/** A service's download answered as it streams in (a report, an export): copied in chunks, never held whole. */
final class PassedOn {

    private PassedOn() {
    }

    static Response download(ServiceApi.Download download, String fallbackFileName) {
        StreamingOutput body = out -> {
            try (InputStream in = download.body()) {
                in.transferTo(out);
            }
        };
        String disposition = download.contentDisposition() != null ? download.contentDisposition()
                : "attachment; filename=\"" + fallbackFileName + "\"";
        return Response.ok(body, download.contentType()).header(HttpHeaders.CONTENT_DISPOSITION, disposition).build();
    }
}
