package dev.sfbackup.session.planning;

/** One task of a planned session: an object (with its record count when known), the file set or the metadata set. */
public record PlannedTask(String object, Long expectedRecords) {
}
