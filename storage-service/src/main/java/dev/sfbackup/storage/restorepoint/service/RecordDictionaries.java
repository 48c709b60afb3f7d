package dev.sfbackup.storage.restorepoint.service;

import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository.StoredDictionary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The zstd dictionaries of record streams: trained from the first records of a stream that arrive in a batch of at
 * least {@code backup.restore-points.dictionary-min-samples} records and stored in that batch's transaction, so a
 * refused batch leaves no dictionary made of its records; once it committed, every later payload of the stream uses
 * it (parallel first batches of a stream may each train one: each payload names its own). Digested dictionaries are
 * kept in memory, a bounded number of them. The samples are the records with their values masked ({@link ValueMask}):
 * a dictionary holds field names and value shapes, never a record's value, so an erasure leaves nothing behind in it.
 */
@ApplicationScoped
public class RecordDictionaries implements DictionaryLookup {

    private static final Logger LOG = Logger.getLogger(RecordDictionaries.class);
    private static final int KEPT = 64;

    private final RecordDictionaryRepository repository;
    private final RestorePointConfig config;
    private final Map<Long, PayloadDictionary> byStream = new ConcurrentHashMap<>();
    private final Map<Integer, ZstdDictDecompress> forReading = new ConcurrentHashMap<>();

    private final TransactionSynchronizationRegistry transactions;

    public RecordDictionaries(RecordDictionaryRepository repository, RestorePointConfig config,
            TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * The dictionary the stream's payloads are compressed with; trained from these records when the stream has none
     * yet and they are enough samples. Empty: compress without one. Must run in the batch's transaction.
     */
    public Optional<PayloadDictionary> forWriting(long streamId, Iterable<byte[]> samples, int sampleCount) throws SQLException {
        PayloadDictionary known = byStream.get(streamId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StoredDictionary> stored = repository.latest(streamId);
        if (stored.isEmpty()) {
            if (sampleCount < config.dictionaryMinSamples()) {
                return Optional.empty();
            }
            byte[] trained = train(samples);
            if (trained == null) {
                return Optional.empty();
            }
            PayloadDictionary dictionary = digest(new StoredDictionary(repository.insert(streamId, trained), trained));
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        bounded(byStream).put(streamId, dictionary);
                    }
                }
            });
            return Optional.of(dictionary);
        }
        PayloadDictionary dictionary = digest(stored.get());
        bounded(byStream).put(streamId, dictionary);
        return Optional.of(dictionary);
    }

    private PayloadDictionary digest(StoredDictionary stored) {
        return new PayloadDictionary(stored.id(), new ZstdDictCompress(stored.dictionary(), config.compressionLevel()));
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

    private byte[] train(Iterable<byte[]> samples) {
        int size = config.dictionaryBytes();
        ZstdDictTrainer trainer = new ZstdDictTrainer(config.dictionaryMaxSamples() * 4096, size);
        int added = 0;
        for (byte[] sample : samples) {
            if (added == config.dictionaryMaxSamples() || !trainer.addSample(ValueMask.mask(sample))) {
                break;
            }
            added++;
        }
        try {
            return trainer.trainSamples();
        } catch (ZstdException e) {
            // too few or too small samples for zstd's trainer: the stream compresses record by record until a later batch
            LOG.debugf("no dictionary from %d samples: %s", added, e.getMessage());
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
