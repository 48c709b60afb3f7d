package dev.sfbackup.storage.file.persistence;

import dev.sfbackup.storage.file.StoredFile;
import dev.sfbackup.storage.repository.format.FormatRecords.ChunkRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class StoredFiles implements PanacheRepositoryBase<StoredFile, UUID> {

    public Optional<StoredFile> findInRestorePoint(UUID restorePointId, String kind, String sourceId) {
        return find("restorePointId = ?1 and kind = ?2 and sourceId = ?3", restorePointId, kind, sourceId).firstResultOptional();
    }

    public List<StoredFile> inRestorePoint(UUID restorePointId, String kind) {
        return list("restorePointId = ?1 and kind = ?2 order by sourceId", restorePointId, kind);
    }

    public long countInRepository(UUID repositoryId) {
        return count("repositoryId", repositoryId);
    }

    public void insertChunks(UUID fileId, List<ChunkRef> chunks) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO stored_file_chunk (file_id, seq, chunk_id, length) VALUES (?, ?, ?, ?)")) {
                for (int seq = 0; seq < chunks.size(); seq++) {
                    insert.setObject(1, fileId);
                    insert.setInt(2, seq);
                    insert.setString(3, chunks.get(seq).id());
                    insert.setInt(4, chunks.get(seq).length());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public List<ChunkRef> chunksOf(UUID fileId) {
        List<ChunkRef> chunks = new ArrayList<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT chunk_id, length FROM stored_file_chunk WHERE file_id = ? ORDER BY seq")) {
                select.setObject(1, fileId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        chunks.add(new ChunkRef(rows.getString(1), rows.getInt(2)));
                    }
                }
            }
        });
        return chunks;
    }

    /** Chunks of every file of the repository whose restore point is not discarded: what GC must keep. */
    public Set<String> liveChunks(UUID repositoryId) {
        Set<String> chunks = new HashSet<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT DISTINCT c.chunk_id FROM stored_file_chunk c
                    JOIN stored_file f ON f.id = c.file_id
                    JOIN restore_point p ON p.id = f.restore_point_id
                    WHERE f.repository_id = ? AND p.state <> 'DISCARDED'""")) {
                select.setObject(1, repositoryId);
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        chunks.add(rows.getString(1));
                    }
                }
            }
        });
        return chunks;
    }

    /** Every (file, chunk) of the repository's live restore points, streamed to {@code consumer}: verify uses it to find affected files. */
    public void forEachChunkReference(UUID repositoryId, ChunkReferenceConsumer consumer) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT f.id, f.restore_point_id, c.chunk_id FROM stored_file_chunk c
                    JOIN stored_file f ON f.id = c.file_id
                    JOIN restore_point p ON p.id = f.restore_point_id
                    WHERE f.repository_id = ? AND p.state <> 'DISCARDED'""")) {
                select.setObject(1, repositoryId);
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3));
                    }
                }
            }
        });
    }

    public interface ChunkReferenceConsumer {
        void accept(UUID fileId, UUID restorePointId, String chunkId);
    }

    public List<StoredFile> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
