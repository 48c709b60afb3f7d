package dev.sfbackup.storage.restorepoint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backup.restore-points")
public interface RestorePointConfig {

    /** zstd level of stored payloads (1 = fast and as small as deflate on records; see the ingest bench). */
    @WithDefault("1")
    int compressionLevel();

    /**
     * A stream's compression dictionary is trained from the first batch of at least this many records (smaller
     * objects are compressed record by record; zstd's trainer needs samples to find what records share).
     */
    @WithDefault("200")
    int dictionaryMinSamples();

    /**
     * What dictionaries are trained on: RECORDS (the records themselves; each dictionary lists its samples, and an
     * erasure that hits one replaces the dictionary and re-encodes its payloads) or MASKED (values masked by
     * ValueMask: nothing to replace, larger payloads).
     */
    @WithDefault("records")
    DictionaryTraining dictionaryTraining();

    enum DictionaryTraining {
        RECORDS, MASKED
    }

    /** Payloads re-encoded per transaction when an erasure replaces a dictionary. */
    @WithDefault("2000")
    int dictionaryReencodeBatch();

    /** Records a dictionary is trained from, at most (1,000 trained as well as 5,000 on the ingest bench, in a fifth of the time). */
    @WithDefault("1000")
    int dictionaryMaxSamples();

    /** Size of a trained dictionary (16 KiB compressed as well as 64 and 110 KiB on the ingest bench's records). */
    @WithDefault("16384")
    int dictionaryBytes();

    /** Rows fetched per round trip by streaming reads. */
    @WithDefault("1000")
    int readFetchSize();

    /** Versions removed per retention transaction, so removal never holds long locks. */
    @WithDefault("5000")
    int retentionBatchSize();

    /** Lifetime of a restore lease when the caller gives none. */
    @WithDefault("PT24H")
    Duration leaseTtl();

    /** Largest number of ids in one deletions call. */
    @WithDefault("100000")
    int maxDeletionIds();

    /** Largest NDJSON record batch in bytes; a batch is held in memory while it is stored. */
    @WithDefault("134217728")
    long maxBatchBytes();

    /**
     * How far a committed watermark may lie after this service's clock (Salesforce's clock and ours differ a little);
     * a later one is refused, since every later incremental run would read nothing before it.
     */
    @WithDefault("PT5M")
    Duration watermarkClockSkew();

    /** Largest page size of the restore point list. */
    @WithDefault("500")
    int maxPageSize();

    /** How often the retention job re-applies the rules last posted to /api/v1/retention/run. */
    @WithDefault("1h")
    String retentionEvery();

    /** Wait after start before the first scheduled retention pass. */
    @WithDefault("5m")
    String retentionDelay();
}
