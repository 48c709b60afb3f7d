package dev.sfbackup.policy.service;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.ConnectionFlow;
import dev.sfbackup.api.policy.ConnectionRequest;
import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.Connection;
import dev.sfbackup.policy.repository.ConnectionRepository;
import dev.sfbackup.policy.repository.PolicyRepository;
import dev.sfbackup.security.OrgScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Org connections: secrets are sealed before they touch the database and opened only for the internal endpoint. A caller
 * limited to some orgs sees only those connections; the others answer 404 as if they did not exist.
 */
@ApplicationScoped
public class ConnectionService {

    private final ConnectionRepository connections;
    private final PolicyRepository policies;
    private final SecretBox secretBox;
    private final OrgScope scope;

    public ConnectionService(ConnectionRepository connections, PolicyRepository policies, SecretBox secretBox, OrgScope scope) {
        this.connections = connections;
        this.policies = policies;
        this.secretBox = secretBox;
        this.scope = scope;
    }

    @Transactional
    public ConnectionView create(ConnectionRequest request) {
        ConnectionValidator.check(request, null);
        Connection connection = new Connection();
        connection.id = UUID.randomUUID();
        connection.createdAt = Instant.now();
        apply(request, connection);
        connections.persist(connection);
        return connection.toView();
    }

    @Transactional
    public List<ConnectionView> list() {
        return connections.listByName().stream().filter(c -> scope.allows(c.id)).map(Connection::toView).toList();
    }

    @Transactional
    public ConnectionView get(UUID id) {
        return find(id).toView();
    }

    @Transactional
    public ConnectionView update(UUID id, ConnectionRequest request) {
        Connection connection = find(id);
        ConnectionValidator.check(request, connection);
        apply(request, connection);
        return connection.toView();
    }

    @Transactional
    public void delete(UUID id) {
        Connection connection = find(id);
        long users = policies.countByConnection(id);
        if (users > 0) {
            throw ApiProblem.conflict("connection " + id + " is used by " + users + " polic" + (users == 1 ? "y" : "ies")
                    + "; delete them or move them to another connection first");
        }
        connections.delete(connection);
    }

    @Transactional
    public ConnectionCredentials credentials(UUID id) {
        Connection c = find(id);
        String clientSecret = c.clientSecretSealed == null ? null : secretBox.open(c.clientSecretSealed, secretOwner(c.id, "clientSecret"));
        String privateKey = c.privateKeySealed == null ? null : secretBox.open(c.privateKeySealed, secretOwner(c.id, "privateKeyPem"));
        return new ConnectionCredentials(c.id, c.loginUrl, c.apiVersion, c.flow, c.clientId, clientSecret, c.username, privateKey);
    }

    private Connection find(UUID id) {
        Connection connection = connections.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("connection", id));
        scope.requireVisible(connection.id, "connection", id);
        return connection;
    }

    private void apply(ConnectionRequest request, Connection connection) {
        if (connections.nameTakenByOther(request.name(), connection.id)) {
            throw ApiProblem.conflict("name", "a connection named '" + request.name() + "' already exists; names are unique");
        }
        connection.name = request.name().strip();
        connection.loginUrl = request.loginUrl().strip();
        connection.apiVersion = request.apiVersion() == null ? ConnectionValidator.DEFAULT_API_VERSION : request.apiVersion();
        connection.clientId = request.clientId().strip();
        connection.flow = request.flow();
        if (request.flow() == ConnectionFlow.CLIENT_CREDENTIALS) {
            connection.username = null;
            connection.privateKeySealed = null;
            if (request.clientSecret() != null && !request.clientSecret().isBlank()) {
                connection.clientSecretSealed = secretBox.seal(request.clientSecret(), secretOwner(connection.id, "clientSecret"));
            }
        } else {
            connection.username = request.username().strip();
            connection.clientSecretSealed = null;
            if (request.privateKeyPem() != null && !request.privateKeyPem().isBlank()) {
                connection.privateKeySealed = secretBox.seal(request.privateKeyPem().strip(), secretOwner(connection.id, "privateKeyPem"));
            }
        }
        connection.updatedAt = Instant.now();
    }

    /** Binds a sealed secret to its row and column: a sealed value copied elsewhere does not open. */
    static String secretOwner(UUID connectionId, String field) {
        return "connection:" + connectionId + ":" + field;
    }
}
