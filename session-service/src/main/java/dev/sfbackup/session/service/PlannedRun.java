package dev.sfbackup.session.service;

import dev.sfbackup.api.session.BackupKind;
import java.util.List;

/** A plan ready to be stored, with the planning decisions to write into the new sessions' logs. */
public record PlannedRun(BackupKind kind, RunPlan plan, List<String> decisions) {
}
