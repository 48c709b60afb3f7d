package dev.sfbackup.common.rest;

import dev.sfbackup.common.problem.ApiProblem;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds a JSON body sent without a Content-Length (chunked) to backup.http.max-json-body-size while it is read: such a
 * body passes {@link RequestBodyLimits}, which can only compare a declared length, and JSON is parsed in memory.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StreamedJsonLimit implements ReaderInterceptor {

    private final long maxJsonBytes;

    public StreamedJsonLimit(@ConfigProperty(name = "backup.http.max-json-body-size", defaultValue = "1M") MemorySize maxJson) {
        this.maxJsonBytes = maxJson.asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        boolean undeclared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null;
        if (undeclared && context.getMediaType() != null && RequestBodyLimits.isJson(context.getMediaType().toString())) {
            context.setInputStream(new Bounded(context.getInputStream(), maxJsonBytes));
        }
        return context.proceed();
    }

    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(ApiProblem.contentTooLarge("body", "a JSON body may hold at most " + limit + " bytes"), 413);
            }
        }
    }
}
