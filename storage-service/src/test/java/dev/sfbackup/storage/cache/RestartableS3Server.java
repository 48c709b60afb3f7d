package dev.sfbackup.storage.cache;

import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.storage.repository.backend.S3Credentials;
import dev.sfbackup.storage.repository.backend.S3Settings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The in-process S3 server of the repository tests (S3Proxy over the jclouds in-memory store), but one that can be
 * stopped and started again on the same port with its objects kept: a repository that goes away and comes back. It
 * records every object stored, in order, and lets a test act before an object is stored (to stop the server mid-upload).
 */
final class RestartableS3Server implements AutoCloseable {

    private final BlobStoreContext context;
    private final BlobStore observed;
    private final List<String> stored = new ArrayList<>();
    private volatile Consumer<String> beforePut = name -> { };
    private int port;
    private S3Proxy proxy;

    RestartableS3Server() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        observed = observe(context.getBlobStore());
        start();
    }

    private BlobStore observe(BlobStore store) {
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[]{BlobStore.class}, (self, method, args) -> {
            boolean put = method.getName().equals("putBlob") && args != null && args.length >= 2 && args[1] instanceof Blob;
            String name = put ? ((Blob) args[1]).getMetadata().getName() : null;
            if (put) {
                beforePut.accept(name);
            }
            try {
                Object result = method.invoke(store, args);
                if (put) {
                    synchronized (stored) {
                        stored.add(name);
                    }
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** Runs before every object is stored; throwing refuses the object. */
    void beforePut(Consumer<String> action) {
        beforePut = action;
    }

    /** The names of every object stored so far, in order (a name stored twice appears twice). */
    List<String> storedObjects() {
        synchronized (stored) {
            return List.copyOf(stored);
        }
    }

    /** Starts the server on its port; does nothing when it is already running. */
    synchronized void start() throws Exception {
        if (proxy != null && AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            return;
        }
        proxy = S3Proxy.builder()
                .blobStore(observed)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, InProcessS3Server.ACCESS_KEY, InProcessS3Server.SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(5);
        }
        port = proxy.getPort();
    }

    synchronized void stop() throws Exception {
        proxy.stop();
        while (!AbstractLifeCycle.STOPPED.equals(proxy.getState())) {
            Thread.sleep(5);
        }
    }

    void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    S3Settings settings(String bucket, String prefix) {
        return new S3Settings(endpoint(), InProcessS3Server.REGION, bucket, prefix, new S3Credentials.Static(InProcessS3Server.ACCESS_KEY,
                InProcessS3Server.SECRET_KEY), true);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
