package dev.sfbackup.salesforce;

import java.net.URI;
import java.time.Instant;

/**
 * A token response of {@code /services/oauth2/token}. Salesforce sends no {@code expires_in}: a token is used until a
 * request answers 401 INVALID_SESSION_ID.
 *
 * @param issuedAt from {@code issued_at} (epoch milliseconds as a string)
 */
public record AccessToken(String accessToken, URI instanceUrl, String tokenType, Instant issuedAt, String id,
                          String signature) {

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", issuedAt=" + issuedAt + ", id=" + id + "]";
    }
}
