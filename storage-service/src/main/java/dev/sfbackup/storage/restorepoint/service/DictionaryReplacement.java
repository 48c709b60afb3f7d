package dev.sfbackup.storage.restorepoint.service;

import static dev.sfbackup.storage.jdbc.JdbcTransactions.inTransaction;

import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository;
import dev.sfbackup.storage.restorepoint.repository.RecordDictionaryRepository.SampleKey;
import dev.sfbackup.storage.restorepoint.repository.RetiredDictionaryStore;
import dev.sfbackup.storage.restorepoint.repository.RetiredDictionaryStore.Retired;
import dev.sfbackup.storage.restorepoint.repository.RetiredDictionaryStore.StoredPayload;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Replaces the dictionaries an erasure retired (one of their samples was erased): waits for the batches still writing
 * with one, re-encodes every payload that names it with the stream's live dictionary (trained, when the stream has
 * none, from the samples that remain, or from masked records when too few remain), batch by batch in their own
 * transactions, then deletes it. A crash loses nothing: a payload is replaced only together with its new encoding, and
 * the next run (every erasure first finishes what earlier ones left) finds the retired dictionary and the payloads that
 * still name it.
 */
@ApplicationScoped
public class DictionaryReplacement {

    private static final Logger LOG = Logger.getLogger(DictionaryReplacement.class);

    private final DataSource dataSource;
    private final RetiredDictionaryStore store;
    private final RecordDictionaries dictionaries;
    private final PayloadCodec codec;
    private final RestorePointConfig config;

    public DictionaryReplacement(DataSource dataSource, RetiredDictionaryStore store, RecordDictionaries dictionaries,
            PayloadCodec codec, RestorePointConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.dictionaries = dictionaries;
        this.codec = codec;
        this.config = config;
    }

    /** A retired dictionary, deleted now: the dictionary its payloads were re-encoded with (null: none) and how many. */
    public record Replaced(int dictionaryId, Integer replacementId, long payloadsReencoded) {
    }

    /** Replaces every retired dictionary. */
    public List<Replaced> replaceRetired() throws SQLException {
        List<Replaced> replaced = new ArrayList<>();
        for (Retired retired : inTransaction(dataSource, store::retired)) {
            replaced.add(replace(retired));
        }
        return replaced;
    }

    private Replaced replace(Retired retired) throws SQLException {
        if (!inTransaction(dataSource, c -> store.awaitWriters(c, retired.id()))) {
            return new Replaced(retired.id(), null, 0);
        }
        byte[] prefix = PayloadCodec.dictionaryPrefix(retired.id());
        Map<Integer, Long> reencodedWith = new HashMap<>();
        String afterRecord = "";
        long afterSeq = Long.MIN_VALUE;
        while (true) {
            String fromRecord = afterRecord;
            long fromSeq = afterSeq;
            Batch batch = inTransaction(dataSource, c -> reencodeBatch(c, retired, prefix, fromRecord, fromSeq));
            if (batch.read() == 0) {
                break;
            }
            reencodedWith.merge(batch.target() == null ? -1 : batch.target(), (long) batch.replaced(), Long::sum);
            afterRecord = batch.lastRecord();
            afterSeq = batch.lastSeq();
        }
        inTransaction(dataSource, c -> store.delete(c, retired.id()));
        dictionaries.forget(retired.id());
        long total = reencodedWith.values().stream().mapToLong(Long::longValue).sum();
        Integer target = reencodedWith.keySet().stream().filter(id -> id >= 0).max(Integer::compare).orElse(null);
        LOG.infof("dictionary %d of stream %d replaced: %d payloads re-encoded", retired.id(), retired.streamId(), total);
        return new Replaced(retired.id(), target, total);
    }

    private record Batch(int read, int replaced, Integer target, String lastRecord, long lastSeq) {
    }

    /** Re-encodes the next payloads naming the retired dictionary, holding the target FOR KEY SHARE while it writes. */
    private Batch reencodeBatch(Connection c, Retired retired, byte[] prefix, String afterRecord, long afterSeq) throws SQLException {
        List<StoredPayload> payloads = store.naming(c, retired.streamId(), prefix, afterRecord, afterSeq, config.dictionaryReencodeBatch());
        if (payloads.isEmpty()) {
            return new Batch(0, 0, null, afterRecord, afterSeq);
        }
        PayloadDictionary dictionary = target(c, retired).orElse(null);
        Integer target = dictionary == null ? null : dictionary.id();
        List<StoredPayload> reencoded = new ArrayList<>(payloads.size());
        for (StoredPayload payload : payloads) {
            reencoded.add(new StoredPayload(payload.recordId(), payload.seq(), codec.compress(codec.decompress(payload.payload()), dictionary)));
        }
        int replaced = store.replace(c, retired.streamId(), prefix, reencoded);
        StoredPayload last = payloads.get(payloads.size() - 1);
        return new Batch(payloads.size(), replaced, target, last.recordId(), last.seq());
    }

    /**
     * The stream's live dictionary (held FOR KEY SHARE), trained now when it has none: on the retired dictionary's
     * remaining samples when they are enough, else on masked records of the stream; empty when neither trains.
     */
    private Optional<PayloadDictionary> target(Connection c, Retired retired) throws SQLException {
        RetiredDictionaryStore.lockStreams(c, List.of(retired.streamId()));
        Optional<Integer> live = store.live(c, retired.streamId());
        if (live.isPresent()) {
            return Optional.of(dictionaries.writing(live.get()));
        }
        int max = config.dictionaryMaxSamples();
        List<StoredPayload> remaining = store.remainingSamples(c, retired.id(), retired.streamId(), max);
        RecordDictionaries.Trained trained = remaining.size() >= config.dictionaryMinSamples()
                ? dictionaries.train(samples(remaining), false)
                : null;
        Map<String, Long> seqs = new HashMap<>();
        remaining.forEach(p -> seqs.put(p.recordId(), p.seq()));
        if (trained == null) {
            trained = dictionaries.train(samples(store.anyVersions(c, retired.streamId(), max)), true);
        }
        if (trained == null) {
            return Optional.empty();
        }
        List<SampleKey> keys = trained.sampleIds().stream().map(id -> new SampleKey(id, seqs.get(id))).toList();
        int id = RecordDictionaryRepository.insert(c, retired.streamId(), trained.dictionary(), trained.masked(), keys);
        return Optional.of(dictionaries.digest(id, trained.dictionary()));
    }

    private List<DictionarySample> samples(List<StoredPayload> payloads) {
        return payloads.stream().map(p -> new DictionarySample(p.recordId(), codec.decompress(p.payload()))).toList();
    }
}
