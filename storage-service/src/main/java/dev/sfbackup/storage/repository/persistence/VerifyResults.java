package dev.sfbackup.storage.repository.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.storage.repository.VerifyReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The reports of repository verifies (repository_verify), each under its own id. */
@ApplicationScoped
public class VerifyResults {

    private final EntityManager em;
    private final ObjectMapper json;

    public VerifyResults(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public UUID record(VerifyReport report, Instant finishedAt) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO repository_verify (id, repository_id, finished_at, ok, report)
                        VALUES (?1, ?2, ?3, ?4, cast(?5 AS jsonb))""")
                .setParameter(1, id).setParameter(2, report.repositoryId())
                .setParameter(3, OffsetDateTime.ofInstant(finishedAt, ZoneOffset.UTC)).setParameter(4, report.ok())
                .setParameter(5, write(report)).executeUpdate();
        return id;
    }

    public Optional<VerifyReport> find(UUID repositoryId, UUID verifyId) {
        return em.createNativeQuery("SELECT cast(report AS text) FROM repository_verify WHERE id = ?1 AND repository_id = ?2")
                .setParameter(1, verifyId).setParameter(2, repositoryId).getResultStream().findFirst()
                .map(report -> read((String) report));
    }

    private String write(VerifyReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verify report could not be written as JSON", e);
        }
    }

    private VerifyReport read(String report) {
        try {
            return json.readValue(report, VerifyReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored verify report could not be read", e);
        }
    }
}
