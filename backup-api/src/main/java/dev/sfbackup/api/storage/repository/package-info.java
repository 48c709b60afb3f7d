/** Contract records of storage-service repositories (LOCAL, S3) and the files and metadata stored in them. */
package dev.sfbackup.api.storage.repository;
