package dev.sfbackup.policy.service;

import dev.sfbackup.api.policy.ConnectionFlow;
import dev.sfbackup.api.policy.ConnectionRequest;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.Connection;
import java.net.URI;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/** Checks a connection request before anything is stored; never echoes a secret in a message. */
final class ConnectionValidator {

    static final String DEFAULT_API_VERSION = "62.0";
    private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private ConnectionValidator() {
    }

    /** @param stored the connection being replaced, or null on create (its secrets may then be omitted) */
    static void check(ConnectionRequest request, Connection stored) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "a connection object is required");
        }
        FieldErrors errors = new FieldErrors();
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name", "must not be empty");
        } else if (request.name().length() > 200) {
            errors.add("name", "must be at most 200 characters");
        }
        checkLoginUrl(request.loginUrl(), errors);
        checkLengths(request, errors);
        if (request.apiVersion() != null && !API_VERSION.matcher(request.apiVersion()).matches()) {
            errors.add("apiVersion", "must look like \"62.0\" (major version, then .0)");
        }
        if (request.clientId() == null || request.clientId().isBlank()) {
            errors.add("clientId", "must not be empty");
        }
        if (request.flow() == null) {
            errors.add("flow", "must be one of CLIENT_CREDENTIALS, JWT_BEARER");
        } else if (request.flow() == ConnectionFlow.CLIENT_CREDENTIALS) {
            checkClientCredentials(request, stored, errors);
        } else {
            checkJwtBearer(request, stored, errors);
        }
        errors.throwIfAny();
    }

    /** Bounds on what is sealed and stored: a client secret is tens of characters, a private key a few kilobytes. */
    private static void checkLengths(ConnectionRequest request, FieldErrors errors) {
        atMost("clientId", request.clientId(), 1_000, errors);
        atMost("clientSecret", request.clientSecret(), 4_096, errors);
        atMost("username", request.username(), 255, errors);
        atMost("privateKeyPem", request.privateKeyPem(), 16_384, errors);
    }

    private static void atMost(String field, String value, int maxLength, FieldErrors errors) {
        if (value != null && value.length() > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters; got " + value.length());
        }
    }

    private static void checkLoginUrl(String loginUrl, FieldErrors errors) {
        if (loginUrl == null || loginUrl.isBlank()) {
            errors.add("loginUrl", "must not be empty; for example https://login.salesforce.com");
            return;
        }
        try {
            URI uri = URI.create(loginUrl);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || loginUrl.length() > 2000) {
                errors.add("loginUrl", "must be an absolute http(s) URL such as https://login.salesforce.com");
            }
        } catch (IllegalArgumentException e) {
            errors.add("loginUrl", "must be an absolute http(s) URL such as https://login.salesforce.com");
        }
    }

    private static void checkClientCredentials(ConnectionRequest request, Connection stored, FieldErrors errors) {
        boolean secretStored = stored != null && stored.flow == ConnectionFlow.CLIENT_CREDENTIALS && stored.clientSecretSealed != null;
        if (isBlank(request.clientSecret()) && !secretStored) {
            errors.add("clientSecret", "is required by flow CLIENT_CREDENTIALS");
        } else if (isBlank(request.clientSecret()) && !sameIdentityProvider(request, stored)) {
            errors.add("clientSecret", "is required again when loginUrl, clientId or flow changes: the stored secret is only"
                    + " ever sent to the login URL and client it was given for");
        }
        if (request.username() != null) {
            errors.add("username", "is not used by flow CLIENT_CREDENTIALS; omit it");
        }
        if (request.privateKeyPem() != null) {
            errors.add("privateKeyPem", "is not used by flow CLIENT_CREDENTIALS; omit it");
        }
    }

    private static void checkJwtBearer(ConnectionRequest request, Connection stored, FieldErrors errors) {
        boolean keyKept = stored != null && stored.flow == ConnectionFlow.JWT_BEARER && stored.privateKeySealed != null
                && sameIdentityProvider(request, stored);
        if (isBlank(request.username())) {
            errors.add("username", "is required by flow JWT_BEARER (the Salesforce user the token is issued for)");
        }
        if (isBlank(request.privateKeyPem())) {
            if (!keyKept) {
                errors.add("privateKeyPem", "is required by flow JWT_BEARER (again when loginUrl, clientId or flow changes):"
                        + " an RSA private key in PKCS#8 PEM (" + PEM_BEGIN + ")");
            }
        } else if (!isRsaPkcs8Pem(request.privateKeyPem())) {
            errors.add("privateKeyPem", "must be an RSA private key in PKCS#8 PEM (" + PEM_BEGIN + " ... " + PEM_END + ")");
        }
        if (request.clientSecret() != null) {
            errors.add("clientSecret", "is not used by flow JWT_BEARER; omit it");
        }
    }

    /** A stored secret stays only with the login URL, client and flow it was given for (never follows a new URL). */
    private static boolean sameIdentityProvider(ConnectionRequest request, Connection stored) {
        return stored != null && request.flow() == stored.flow && request.clientId() != null
                && request.clientId().strip().equals(stored.clientId) && request.loginUrl() != null
                && request.loginUrl().strip().equals(stored.loginUrl);
    }

    private static boolean isRsaPkcs8Pem(String pem) {
        String trimmed = pem.strip();
        if (!trimmed.startsWith(PEM_BEGIN) || !trimmed.endsWith(PEM_END)) {
            return false;
        }
        String body = trimmed.substring(PEM_BEGIN.length(), trimmed.length() - PEM_END.length()).replaceAll("\\s", "");
        try {
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return true;
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
