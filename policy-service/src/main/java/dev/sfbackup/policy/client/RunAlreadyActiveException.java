package dev.sfbackup.policy.client;

/** session-service answered 409: the policy has a run in progress. Carries its answer to pass it through. */
public class RunAlreadyActiveException extends RuntimeException {

    private final String body;
    private final String contentType;

    public RunAlreadyActiveException(String body, String contentType) {
        super("session-service refused to start a run: a run of the policy is active");
        this.body = body;
        this.contentType = contentType;
    }

    public String body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }
}
