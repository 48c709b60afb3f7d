package dev.sfbackup.storage.restorepoint.service;

/** A record a stream's dictionary may be trained from: its id (kept as the dictionary's sample) and its canonical JSON. */
public record DictionarySample(String recordId, byte[] json) {
}
