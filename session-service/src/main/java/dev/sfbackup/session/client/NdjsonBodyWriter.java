package dev.sfbackup.session.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes an {@link NdjsonBody} as its bytes (registered on the storage client). */
public final class NdjsonBodyWriter implements MessageBodyWriter<NdjsonBody> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == NdjsonBody.class;
    }

    @Override
    public void writeTo(NdjsonBody body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(body.bytes(), 0, body.length());
    }
}
