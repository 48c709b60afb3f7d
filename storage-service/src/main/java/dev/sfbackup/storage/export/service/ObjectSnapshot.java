package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.storage.restorepoint.PointInTime;

/** One object of an export: where to read it and the describe stored with that point (null when none). */
public record ObjectSnapshot(String object, PointInTime at, JsonNode describe) {
}
