package dev.sfbackup.api.storage.repository;

/**
 * How an S3 repository authenticates: STATIC with the accessKey and secretKey given in its settings; DEFAULT_CHAIN
 * with storage-service's own identity, found by the AWS default credential chain (environment variables, profile,
 * web identity / IRSA on Kubernetes, container and EC2 instance roles), so no key is stored.
 */
public enum S3CredentialSource {
    STATIC, DEFAULT_CHAIN
}
