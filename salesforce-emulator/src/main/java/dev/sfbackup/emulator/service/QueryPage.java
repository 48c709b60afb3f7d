package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** One page of a REST query result; nextRecordsUrl only while done is false. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryPage(long totalSize, boolean done, String nextRecordsUrl, List<Map<String, Object>> records) {
}
