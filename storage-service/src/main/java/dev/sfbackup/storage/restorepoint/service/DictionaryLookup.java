package dev.sfbackup.storage.restorepoint.service;

import com.github.luben.zstd.ZstdDictDecompress;

/** Finds the dictionary a stored payload names by id, digested for decompression. */
public interface DictionaryLookup {

    ZstdDictDecompress forReading(int id);
}
