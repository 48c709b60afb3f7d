package dev.sfbackup.storage.repository.backend;

import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 protocol server in the test JVM: S3Proxy 2.6.0 (Maven Central) over the jclouds in-memory ("transient")
 * blob store, with SigV4 authentication on.
 * <p>
 * Why this one: S3Proxy 2.x is small (jetty + jclouds, no cloud SDKs, unlike S3Proxy 4.x), checks real SigV4 signatures,
 * and starts in well under a second; Adobe S3Mock needs a Spring Boot application. It cannot read aws-chunked uploads
 * with trailing checksums, which the AWS SDK sends by default: {@link S3Backend} asks for checksums only when an
 * operation requires them and for plain Content-Length bodies, as MinIO, Ceph and R2 also accept.
 */
public final class InProcessS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public InProcessS3Server() throws Exception {
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(5);
        }
    }

    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    public void deleteBucket(String bucket) {
        context.getBlobStore().deleteContainer(bucket);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(endpoint(), REGION, bucket, prefix, new S3Credentials.Static(ACCESS_KEY, SECRET_KEY), true);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
