/** Contract records of storage-service: restore points, record versions, watermarks, retention. */
package dev.sfbackup.api.storage;
