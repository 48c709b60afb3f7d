package dev.sfbackup.session.service;

/**
 * One task of a planned session: its kind (the executor that runs it), its object (with its record count when known)
 * and its stage (it starts once every task of an earlier stage of its session ended).
 */
public record PlannedTask(String kind, String object, Long expectedRecords, int stage) {

    public PlannedTask(String kind, String object, Long expectedRecords) {
        this(kind, object, expectedRecords, 0);
    }
}
