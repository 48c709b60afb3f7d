package dev.sfbackup.api.storage.repository;

public enum RepositoryKind {
    LOCAL, S3
}
