package dev.sfbackup.salesforce;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.PrivateKey;

/** Obtains a fresh access token from {@code {loginUrl}/services/oauth2/token}. */
public interface OAuthTokenSource {

    /** Requests a new token; throws {@link AuthenticationException} when the credentials are refused. */
    AccessToken requestToken();

    /** OAuth 2.0 client-credentials flow ({@code grant_type=client_credentials}). */
    static OAuthTokenSource clientCredentials(HttpClient http, URI loginUrl, String clientId, String clientSecret) {
        return new ClientCredentialsFlow(new TokenEndpoint(http, loginUrl), clientId, clientSecret);
    }

    /**
     * OAuth 2.0 JWT bearer flow: an RS256 assertion with {@code iss} = client id, {@code sub} = username,
     * {@code aud} = audience (the login URL, e.g. {@code https://login.salesforce.com}), {@code exp} = now + 3 minutes.
     */
    static OAuthTokenSource jwtBearer(HttpClient http, URI loginUrl, String clientId, String username,
                                      PrivateKey privateKey, String audience) {
        return new JwtBearerFlow(new TokenEndpoint(http, loginUrl), new JwtAssertion(clientId, username, audience, privateKey));
    }
}
