package dev.sfbackup.storage.repository.backend;

/** How an S3 repository signs its requests: with keys stored in its settings, or with the runtime's own identity. */
public sealed interface S3Credentials {

    /** An access key and its secret, as given when the repository was created. */
    record Static(String accessKey, String secretKey) implements S3Credentials {

        @Override
        public String toString() {
            return "Static[accessKey=" + accessKey + "]";
        }
    }

    /**
     * The AWS SDK's default chain, in its order: environment variables, Java system properties, web identity token
     * (EKS IRSA), the shared profile files, the container credentials endpoint (ECS, EKS Pod Identity), EC2 instance
     * metadata.
     */
    record DefaultChain() implements S3Credentials {
    }
}
