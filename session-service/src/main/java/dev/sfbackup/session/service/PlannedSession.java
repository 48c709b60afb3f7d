package dev.sfbackup.session.service;

import dev.sfbackup.api.session.SessionType;
import java.util.List;

/** A session of a planned run; label names it for people (the object of a large-object session, "files", …). */
public record PlannedSession(SessionType type, String label, List<PlannedTask> tasks) {

    public PlannedSession {
        tasks = List.copyOf(tasks);
    }
}
