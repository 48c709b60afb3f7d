package dev.sfbackup.session.client;

/** Another service refused a request (4xx): retrying the same request cannot help. */
public class RemoteCallRejected extends RuntimeException {

    private final int status;

    public RemoteCallRejected(String service, int status, String detail) {
        super(service + " answered " + status + ": " + detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
