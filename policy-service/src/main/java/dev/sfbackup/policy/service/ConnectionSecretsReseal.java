package dev.sfbackup.policy.service;

import dev.sfbackup.api.security.ResealReport;
import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.policy.Connection;
import dev.sfbackup.policy.NotificationChannel;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import dev.sfbackup.policy.repository.ConnectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The middle step of an encryption key rotation: every connection secret (and webhook URL) still sealed with the previous key is sealed
 * anew with the current one, in one transaction, so the previous key can then be retired.
 */
@ApplicationScoped
public class ConnectionSecretsReseal {

    private final ConnectionRepository connections;
    private final NotificationChannelRepository channels;
    private final SecretBox secretBox;

    public ConnectionSecretsReseal(ConnectionRepository connections, NotificationChannelRepository channels, SecretBox secretBox) {
        this.connections = connections;
        this.channels = channels;
        this.secretBox = secretBox;
    }

    @Transactional
    public ResealReport reseal() {
        int checked = 0;
        int resealed = 0;
        List<String> failures = new ArrayList<>();
        for (Connection connection : connections.listAll()) {
            for (SealedColumn column : columns(connection)) {
                if (column.value() == null) {
                    continue;
                }
                checked++;
                try {
                    Optional<String> renewed = secretBox.resealIfPrevious(column.value(),
                            ConnectionService.secretOwner(connection.id, column.field()));
                    if (renewed.isPresent()) {
                        column.store().accept(renewed.get());
                        resealed++;
                    }
                } catch (IllegalStateException | IllegalArgumentException unopenable) {
                    failures.add("connection " + connection.id + " " + column.field() + ": neither the current nor the previous key opens it");
                }
            }
        }
        for (NotificationChannel channel : channels.list("urlSealed is not null")) {
            checked++;
            try {
                Optional<String> renewed = secretBox.resealIfPrevious(channel.urlSealed, WebhookUrls.owner(channel.id));
                if (renewed.isPresent()) {
                    channel.urlSealed = renewed.get();
                    resealed++;
                }
            } catch (IllegalStateException | IllegalArgumentException unopenable) {
                failures.add("channel " + channel.id + " url: neither the current nor the previous key opens it");
            }
        }
        return new ResealReport(checked, resealed, secretBox.hasPreviousKey(), failures);
    }

    private record SealedColumn(String field, String value, Consumer<String> store) {
    }

    private static List<SealedColumn> columns(Connection connection) {
        return List.of(new SealedColumn("clientSecret", connection.clientSecretSealed, sealed -> connection.clientSecretSealed = sealed),
                new SealedColumn("privateKeyPem", connection.privateKeySealed, sealed -> connection.privateKeySealed = sealed));
    }
}
