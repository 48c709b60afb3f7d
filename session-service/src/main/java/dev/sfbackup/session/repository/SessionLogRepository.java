package dev.sfbackup.session.repository;

import dev.sfbackup.session.SessionLogLine;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionLogRepository implements PanacheRepositoryBase<SessionLogLine, Long> {

    public List<SessionLogLine> bySession(UUID sessionId, long afterId, int limit) {
        return find("sessionId = ?1 and id > ?2", Sort.ascending("id"), sessionId, afterId).page(0, limit).list();
    }
}
