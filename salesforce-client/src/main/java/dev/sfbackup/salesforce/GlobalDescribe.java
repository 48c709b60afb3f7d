package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** {@code GET /services/data/vNN.N/sobjects}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GlobalDescribe(String encoding, int maxBatchSize, List<SObjectSummary> sobjects) {

    public GlobalDescribe {
        sobjects = sobjects == null ? List.of() : List.copyOf(sobjects);
    }

    public Optional<SObjectSummary> find(String name) {
        return sobjects.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
