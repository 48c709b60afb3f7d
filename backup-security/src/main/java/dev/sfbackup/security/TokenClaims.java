package dev.sfbackup.security;

import jakarta.json.JsonString;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the string claims that name a token's caller and holder. */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** The client that asked for the token (azp and its equivalents), or null. */
    public static String caller(JsonWebToken token, List<String> claims) {
        return first(token, claims);
    }

    /** The first of the claims that is a non-blank string, or null. */
    public static String first(JsonWebToken token, List<String> claims) {
        for (String claim : claims) {
            Object value = token.getClaim(claim);
            String text = value instanceof JsonString json ? json.getString() : value instanceof String plain ? plain : null;
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
