package dev.sfbackup.session.client;

/** Another service refused a request (4xx): retrying the same request cannot help. */
public class RemoteCallRejected extends RuntimeException {

    private final int status;
    private final String problemType;

    public RemoteCallRejected(String service, int status, String detail) {
        this(service, status, detail, null);
    }

    public RemoteCallRejected(String service, int status, String detail, String problemType) {
        super(service + " answered " + status + ": " + detail);
        this.status = status;
        this.problemType = problemType;
    }

    public int status() {
        return status;
    }

    /** True when the answer was a problem document of this type (RFC 9457 "type"). */
    public boolean isProblem(String type) {
        return type.equals(problemType);
    }
}
