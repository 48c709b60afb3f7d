package dev.sfbackup.salesforce;

import java.util.Map;

/** {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} with a freshly signed assertion per request. */
final class JwtBearerFlow implements OAuthTokenSource {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final TokenEndpoint endpoint;
    private final JwtAssertion assertion;

    JwtBearerFlow(TokenEndpoint endpoint, JwtAssertion assertion) {
        this.endpoint = endpoint;
        this.assertion = assertion;
    }

    @Override
    public AccessToken requestToken() {
        return endpoint.post(Map.of("grant_type", GRANT_TYPE, "assertion", assertion.sign(java.time.Instant.now())));
    }
}
