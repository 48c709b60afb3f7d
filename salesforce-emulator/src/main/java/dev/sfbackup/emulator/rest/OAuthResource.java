package dev.sfbackup.emulator.rest;

import dev.sfbackup.emulator.service.OAuthException;
import dev.sfbackup.emulator.service.TokenResponse;
import dev.sfbackup.emulator.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The OAuth 2.0 token endpoint: client-credentials and JWT bearer flows. */
@Path("/services/oauth2")
public class OAuthResource {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final TokenService tokens;

    public OAuthResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("assertion") String assertion,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        String baseUrl = uri.getBaseUri().toString().replaceAll("/+$", "");
        if ("client_credentials".equals(grantType)) {
            if (clientId == null && authorization != null && authorization.startsWith("Basic ")) {
                String[] pair = basicCredentials(authorization.substring(6).trim());
                clientId = pair[0];
                clientSecret = pair.length > 1 ? pair[1] : null;
            }
            return tokens.clientCredentials(clientId, clientSecret, baseUrl);
        }
        if (JWT_BEARER.equals(grantType)) {
            return tokens.jwtBearer(assertion, baseUrl);
        }
        throw new OAuthException(400, "unsupported_grant_type", "grant type not supported");
    }

    private static String[] basicCredentials(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split(":", 2);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(400, "invalid_client", "invalid client credentials");
        }
    }
}
