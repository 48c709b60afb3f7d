package dev.sfbackup.storage.repository.format;

import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.format.ContentRepository.DamagedPack;
import dev.sfbackup.storage.repository.format.ContentRepository.VerifyOutcome;
import dev.sfbackup.storage.repository.format.FormatRecords.IndexFile;
import dev.sfbackup.storage.repository.format.FormatRecords.IndexedBlob;
import dev.sfbackup.storage.repository.format.FormatRecords.IndexedPack;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The structural check (every index file, every pack's presence, size and header) and the sampled data read. */
final class RepositoryVerifier {

    private final Backend backend;
    private final BlobCipher cipher;
    private final SealedDocuments documents;
    private final BiFunction<BlobLocation, byte[], byte[]> decoder;

    RepositoryVerifier(Backend backend, BlobCipher cipher, SealedDocuments documents, BiFunction<BlobLocation, byte[], byte[]> decoder) {
        this.backend = backend;
        this.cipher = cipher;
        this.documents = documents;
        this.decoder = decoder;
    }

    VerifyOutcome verify(int readDataPercent) throws IOException {
        List<String> damagedIndexFiles = new ArrayList<>();
        Map<String, IndexedPack> indexed = new LinkedHashMap<>();
        List<Backend.ObjectInfo> indexFiles = backend.list("index/");
        for (Backend.ObjectInfo file : indexFiles) {
            try {
                documents.open(backend.readAll(file.name()), "index", IndexFile.class).packs().forEach(p -> indexed.put(p.id(), p));
            } catch (CorruptDataException | IOException e) {
                damagedIndexFiles.add(file.name() + ": " + e.getMessage());
            }
        }
        Map<String, Long> stored = new HashMap<>();
        for (Backend.ObjectInfo object : backend.list("data/")) {
            stored.put(object.name().substring(object.name().lastIndexOf('/') + 1), object.size());
        }
        List<DamagedPack> damaged = new ArrayList<>();
        List<IndexedPack> intact = new ArrayList<>();
        for (IndexedPack pack : indexed.values()) {
            String reason = structuralProblem(pack, stored.get(pack.id()));
            if (reason != null) {
                damaged.add(damagedPack(pack, reason));
            } else {
                intact.add(pack);
            }
        }
        int toRead = readDataPercent <= 0 ? 0 : (int) Math.ceil(intact.size() * Math.min(readDataPercent, 100) / 100.0);
        List<IndexedPack> sample = new ArrayList<>(intact);
        Collections.shuffle(sample);
        long bytesRead = 0;
        for (IndexedPack pack : sample.subList(0, toRead)) {
            String reason = dataProblem(pack);
            bytesRead += pack.size();
            if (reason != null) {
                damaged.add(damagedPack(pack, reason));
            }
        }
        List<String> unindexed = stored.keySet().stream().filter(id -> !indexed.containsKey(id)).sorted().toList();
        return new VerifyOutcome(indexFiles.size(), indexed.size(), toRead, bytesRead, damaged, damagedIndexFiles, unindexed);
    }

    private static DamagedPack damagedPack(IndexedPack pack, String reason) {
        return new DamagedPack(pack.id(), reason, pack.blobs().stream().map(IndexedBlob::id).toList());
    }

    private String structuralProblem(IndexedPack pack, Long storedSize) {
        if (storedSize == null) {
            return "pack is missing";
        }
        if (storedSize != pack.size()) {
            return "pack has " + storedSize + " bytes, the index says " + pack.size();
        }
        try {
            List<BlobLocation> header = PackHeaderReader.read(backend, ContentRepository.packName(pack.id()), pack.id(), storedSize, cipher);
            if (header.size() != pack.blobs().size()) {
                return "pack header lists " + header.size() + " blobs, the index " + pack.blobs().size();
            }
            for (int i = 0; i < header.size(); i++) {
                BlobLocation h = header.get(i);
                IndexedBlob b = pack.blobs().get(i);
                if (!h.chunkId().equals(b.id()) || h.offset() != b.offset() || h.storedLength() != b.length()) {
                    return "pack header entry " + i + " does not match the index";
                }
            }
            return null;
        } catch (CorruptDataException | IOException e) {
            return "pack header unreadable: " + e.getMessage();
        }
    }

    /** Streams the whole pack once: its SHA-256 must equal its name and every blob must authenticate. */
    private String dataProblem(IndexedPack pack) {
        MessageDigest digest = ContentRepository.sha256();
        try (InputStream in = new DigestInputStream(backend.get(ContentRepository.packName(pack.id()), 0, -1), digest)) {
            long position = 0;
            String firstBad = null;
            for (IndexedBlob blob : pack.blobs()) {
                in.skipNBytes(blob.offset() - position);
                byte[] sealed = in.readNBytes(blob.length());
                position = blob.offset() + sealed.length;
                try {
                    decoder.apply(new BlobLocation(blob.id(), pack.id(), blob.offset(), blob.length(), blob.rawLength(),
                            Compression.ofCode(blob.compression())), sealed);
                } catch (CorruptDataException e) {
                    firstBad = firstBad == null ? "blob " + blob.id() + ": " + e.getMessage() : firstBad;
                }
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            if (firstBad != null) {
                return firstBad;
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            return actual.equals(pack.id()) ? null : "pack content hash " + actual + " does not match its name";
        } catch (IOException e) {
            return "pack unreadable: " + e.getMessage();
        }
    }
}
