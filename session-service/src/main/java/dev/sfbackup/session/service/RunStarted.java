package dev.sfbackup.session.service;

import java.util.UUID;

/** Fired after a run's plan is stored, so the engine looks for work at once instead of at its next poll. */
public record RunStarted(UUID runId) {
}
