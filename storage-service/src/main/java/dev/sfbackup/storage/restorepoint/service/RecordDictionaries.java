package dev.sfbackup.storage.restorepoint.service;

import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig.DictionaryTraining;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository.SampleKey;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository.StoredDictionary;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * The zstd dictionaries of record streams: trained from the first records of a stream that arrive in a batch of at
 * least {@code backup.restore-points.dictionary-min-samples} records and stored in that batch's transaction, so a
 * refused batch leaves no dictionary made of its records; once it committed, every later payload of the stream uses
 * it (parallel first batches of a stream may each train one: each payload names its own). Digested dictionaries are
 * kept in memory, a bounded number of them.
 * <p>
 * The samples are the records themselves (unless {@code dictionary-training=masked}), so a dictionary may hold their
 * values: it lists the record versions it was trained from, an erasure that hits one retires it, and
 * {@link DictionaryReplacement} re-encodes its payloads with a replacement before deleting it. Each batch reads the
 * stream's live dictionary FOR KEY SHARE, so a replacement waits for the batches that still write with a retired one.
 */
@ApplicationScoped
public class RecordDictionaries implements DictionaryLookup {

    private static final Logger LOG = Logger.getLogger(RecordDictionaries.class);
    private static final int KEPT = 64;

    private final RecordDictionaryRepository repository;
    private final RestorePointConfig config;
    private final Map<Integer, PayloadDictionary> forWriting = new ConcurrentHashMap<>();
    private final Map<Integer, ZstdDictDecompress> forReading = new ConcurrentHashMap<>();

    public RecordDictionaries(RecordDictionaryRepository repository, RestorePointConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** A trained dictionary, whether its samples were masked, and the records it was trained from (none when masked). */
    public record Trained(byte[] dictionary, boolean masked, List<String> sampleIds) {
    }

    /**
     * The dictionary the stream's payloads are compressed with; trained from these records (which the batch writes at
     * point seq) when the stream has none live and they are enough samples. Empty: compress without one. Must run in
     * the batch's transaction.
     */
    public Optional<PayloadDictionary> forWriting(long streamId, long seq, Iterable<DictionarySample> samples, IntSupplier sampleCount)
            throws SQLException {
        Optional<Integer> live = repository.liveForWriting(streamId);
        if (live.isPresent()) {
            return Optional.of(writing(live.get()));
        }
        if (sampleCount.getAsInt() < config.dictionaryMinSamples()) {
            return Optional.empty();
        }
        Trained trained = train(samples, config.dictionaryTraining() == DictionaryTraining.MASKED);
        if (trained == null) {
            return Optional.empty();
        }
        int id = repository.insert(streamId, trained.dictionary(), trained.masked(),
                trained.sampleIds().stream().map(r -> new SampleKey(r, seq)).toList());
        return Optional.of(digest(id, trained.dictionary()));
    }

    /** The dictionary for compressing, by id (digested once, then kept). */
    public PayloadDictionary writing(int id) throws SQLException {
        PayloadDictionary known = forWriting.get(id);
        if (known != null) {
            return known;
        }
        PayloadDictionary dictionary = digest(repository.find(id)
                .orElseThrow(() -> new IllegalStateException("compression dictionary " + id + " is not stored")));
        bounded(forWriting).put(id, dictionary);
        return dictionary;
    }

    private PayloadDictionary digest(StoredDictionary stored) {
        return digest(stored.id(), stored.dictionary());
    }

    /** A dictionary digested for compressing (not kept: its transaction may still roll back). */
    public PayloadDictionary digest(int id, byte[] dictionary) {
        return new PayloadDictionary(id, new ZstdDictCompress(dictionary, config.compressionLevel()));
    }

    @Override
    public ZstdDictDecompress forReading(int id) {
        ZstdDictDecompress known = forReading.get(id);
        if (known != null) {
            return known;
        }
        try {
            StoredDictionary stored = repository.find(id)
                    .orElseThrow(() -> new IllegalStateException("record payload names dictionary " + id + ", which is not stored"));
            ZstdDictDecompress dictionary = new ZstdDictDecompress(stored.dictionary());
            bounded(forReading).put(id, dictionary);
            return dictionary;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read compression dictionary " + id, e);
        }
    }

    /** Forgets a deleted dictionary, so this process keeps nothing of it. */
    public void forget(int id) {
        forWriting.remove(id);
        forReading.remove(id);
    }

    /**
     * Trains a dictionary from at most {@code dictionary-max-samples} of the samples, masked or not; null when zstd's
     * trainer finds too little in them.
     */
    public Trained train(Iterable<DictionarySample> samples, boolean masked) {
        int size = config.dictionaryBytes();
        ZstdDictTrainer trainer = new ZstdDictTrainer(config.dictionaryMaxSamples() * 4096, size);
        List<String> ids = new ArrayList<>();
        for (DictionarySample sample : samples) {
            if (ids.size() == config.dictionaryMaxSamples()) {
                break;
            }
            if (sample.recordId() == null) {
                continue;
            }
            if (!trainer.addSample(masked ? ValueMask.mask(sample.json()) : sample.json())) {
                break;
            }
            ids.add(sample.recordId());
        }
        try {
            return new Trained(trainer.trainSamples(), masked, masked ? List.of() : ids);
        } catch (ZstdException e) {
            // too few or too small samples for zstd's trainer: the stream compresses record by record until a later batch
            LOG.debugf("no dictionary from %d samples: %s", ids.size(), e.getMessage());
            return null;
        }
    }

    private static <K, V> Map<K, V> bounded(Map<K, V> cache) {
        if (cache.size() >= KEPT) {
            cache.clear();
        }
        return cache;
    }
}
