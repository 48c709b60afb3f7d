package dev.sfbackup.security.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What an audited endpoint adds to its entry beyond the path (for example the objects of a restore's scope). Inject it
 * into the resource or service and call {@link #add}; never add record contents or secrets.
 */
@RequestScoped
public class AuditDetails {

    private final List<String> notes = new ArrayList<>();

    public void add(String note) {
        notes.add(note);
    }

    String joined() {
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
