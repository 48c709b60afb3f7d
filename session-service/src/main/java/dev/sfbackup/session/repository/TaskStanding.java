package dev.sfbackup.session.repository;

import dev.sfbackup.api.session.TaskStatus;

/** What decides whether a running task goes on: its session's failure and stop request, its status and claimant. */
public record TaskStanding(String sessionFailure, boolean stopRequested, TaskStatus status, String claimedBy) {
}
