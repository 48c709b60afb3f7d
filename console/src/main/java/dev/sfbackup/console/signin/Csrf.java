package dev.sfbackup.console.signin;

import jakarta.ws.rs.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Cross-site request forgery protection for the console's forms: every form carries a field {@code _csrf} derived
 * from the signed-in user's token (a hash, so it reveals nothing of it). Another site can make a browser send the
 * session cookie (SameSite=Lax lets top-level navigations through), but cannot read the page, so cannot know the value.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";

    private Csrf() {
    }

    public static String tokenFor(SignedInUser user) {
        return tokenFor(user.token());
    }

    static String tokenFor(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("sfbackup-console-csrf:" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses the request (403) unless the form's value matches the user's. */
    public static void require(SignedInUser user, String submitted) {
        require(user.token(), submitted);
    }

    static void require(String secret, String submitted) {
        if (submitted == null || !MessageDigest.isEqual(tokenFor(secret).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("the form's CSRF token is missing or wrong: reload the page and try again");
        }
    }
}
