package dev.sfbackup.session.report;

/**
 * What one run did to one object: its size (records the org counted when the run was planned; null when unknown),
 * records new or changed, records deleted.
 */
record ObjectChanges(String object, Long size, long changed, long deleted) {
}
