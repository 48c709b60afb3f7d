package dev.sfbackup.policy;

import dev.sfbackup.api.policy.ConnectionFlow;
import dev.sfbackup.api.policy.ConnectionView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An org connection. The *Sealed columns hold SecretBox output, never a plaintext secret. */
@Entity
@Table(name = "connection")
public class Connection {

    @Id
    public UUID id;
    public String name;
    @Column(name = "login_url")
    public String loginUrl;
    @Column(name = "api_version")
    public String apiVersion;
    @Enumerated(EnumType.STRING)
    public ConnectionFlow flow;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "client_secret_sealed")
    public String clientSecretSealed;
    public String username;
    @Column(name = "private_key_sealed")
    public String privateKeySealed;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ConnectionView toView() {
        return new ConnectionView(id, name, loginUrl, apiVersion, flow, clientId, username,
                clientSecretSealed != null, privateKeySealed != null, createdAt, updatedAt);
    }
}
