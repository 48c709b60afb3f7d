package dev.sfbackup.salesforce;

import java.io.IOException;

/** No complete HTTP response arrived (connection refused, reset, timed out). Transient. */
public class TransportException extends SalesforceException {

    public TransportException(String what, IOException cause) {
        super(0, "IO_ERROR", what + ": " + cause, true, cause);
    }
}
