/** Contract records of a repository's backup cache: settings, where restore points live, uploads. */
package dev.sfbackup.api.storage.cache;
