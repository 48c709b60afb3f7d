package dev.sfbackup.salesforce;

import java.util.Map;

/** {@code grant_type=client_credentials} with the connected app's consumer key and secret. */
final class ClientCredentialsFlow implements OAuthTokenSource {

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;

    ClientCredentialsFlow(TokenEndpoint endpoint, String clientId, String clientSecret) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public AccessToken requestToken() {
        return endpoint.post(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }
}
