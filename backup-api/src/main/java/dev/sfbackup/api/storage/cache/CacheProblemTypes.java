package dev.sfbackup.api.storage.cache;

/** Problem type URIs of the backup cache that a client must recognise and act on. */
public final class CacheProblemTypes {

    /**
     * 409 on a file or metadata upload: the restore point's LOCAL repository was lost, the point moved to the backup cache
     * and forgot the files it had stored; the client sends every file of the point again, from the first.
     */
    public static final String TRANSFER_RESTARTED = "https://sfbackup.dev/problems/transfer-restarted";

    private CacheProblemTypes() {
    }
}
