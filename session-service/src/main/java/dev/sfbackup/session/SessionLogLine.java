package dev.sfbackup.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A timestamped event in a session's log. */
@Entity
@Table(name = "session_log")
public class SessionLogLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "task_id")
    public UUID taskId;

    public Instant at;

    public String level;

    public String message;
}
