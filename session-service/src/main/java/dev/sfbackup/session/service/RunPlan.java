package dev.sfbackup.session.service;

import java.util.List;

/** The sessions of a run and how many of its tasks may run at once. */
public record RunPlan(List<PlannedSession> sessions, int parallelism) {

    public RunPlan {
        sessions = List.copyOf(sessions);
    }

    public int taskCount() {
        return sessions.stream().mapToInt(session -> session.tasks().size()).sum();
    }
}
