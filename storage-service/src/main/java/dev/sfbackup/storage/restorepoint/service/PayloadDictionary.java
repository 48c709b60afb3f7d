package dev.sfbackup.storage.restorepoint.service;

import com.github.luben.zstd.ZstdDictCompress;

/** A stream's compression dictionary as the ingest uses it: its id (written into each payload) and its digested form. */
public record PayloadDictionary(int id, ZstdDictCompress compress) {
}
