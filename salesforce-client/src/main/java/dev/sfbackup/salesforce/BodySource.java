package dev.sfbackup.salesforce;

import java.io.IOException;
import java.io.InputStream;

/** A file body to upload, opened anew for each attempt (a retry, or a renewed session): a stream is sent only once. */
@FunctionalInterface
public interface BodySource {

    InputStream open() throws IOException;
}
