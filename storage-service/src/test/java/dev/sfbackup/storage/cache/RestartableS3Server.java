package dev.sfbackup.storage.cache;

import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.storage.repository.backend.S3Settings;
import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The in-process S3 server of the repository tests (S3Proxy over the jclouds in-memory store), but one that can be
 * stopped and started again on the same port with its objects kept: a repository that goes away and comes back.
 */
final class RestartableS3Server implements AutoCloseable {

    private final BlobStoreContext context;
    private int port;
    private S3Proxy proxy;

    RestartableS3Server() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        start();
    }

    /** Starts the server on its port; does nothing when it is already running. */
    synchronized void start() throws Exception {
        if (proxy != null && AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            return;
        }
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
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
        return new S3Settings(endpoint(), InProcessS3Server.REGION, bucket, prefix, InProcessS3Server.ACCESS_KEY,
                InProcessS3Server.SECRET_KEY, true);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
