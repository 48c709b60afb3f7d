package dev.sfbackup.token;

import dev.sfbackup.security.LocalTokens;
import dev.sfbackup.security.Roles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Local sign-in without an identity provider (deploy/local/up.sh and token.sh):
 * <pre>
 *   keygen DIR                                   creates DIR/signing-key.pem (private) and DIR/signing-key.pub (public, base64)
 *   mint KEY_FILE SUBJECT LIFETIME ROLE[,ROLE] [ORG…]   prints a token; ORG: connection ids the token is limited to
 * </pre>
 * ROLE is viewer, operator, restore-operator, admin or all (every user role); session-service mints that service's own
 * token instead (for tools that ingest, such as storage-service's IngestBench).
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
        } else if (args.length >= 5 && args[0].equals("mint")) {
            System.out.println(mint(args));
        } else {
            System.err.println("usage: keygen DIR | mint KEY_FILE SUBJECT LIFETIME ROLE[,ROLE] [ORG...]");
            System.exit(2);
        }
    }

    private static String mint(String[] args) {
        LocalTokens tokens = LocalTokens.withKey(LocalTokens.readPrivateKey(Path.of(args[1])));
        Duration lifetime = Duration.parse(args[3]);
        if (args[4].equals("session-service")) {
            return tokens.mint(LocalTokens.Claims.service("session-service"), Instant.now(), lifetime);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : args[4].split(",")) {
            if (role.equals("all")) {
                roles.addAll(Roles.LADDER);
            } else if (Roles.LADDER.contains(role)) {
                roles.add(role);
            } else {
                System.err.println("unknown role '" + role + "': one of " + Roles.LADDER + ", all or session-service");
                System.exit(2);
            }
        }
        List<String> orgs = args.length > 5 ? new ArrayList<>(Arrays.asList(args).subList(5, args.length)) : null;
        return tokens.mint(LocalTokens.Claims.user(args[2], roles, orgs), Instant.now(), lifetime);
    }

    private static void keygen(Path dir) throws IOException {
        Path privateKey = dir.resolve("signing-key.pem");
        if (Files.exists(privateKey)) {
            return;
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(dir);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path temporary = Files.createTempFile(dir, "signing-key", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, pem);
        Files.writeString(dir.resolve("signing-key.pub"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        Files.move(temporary, privateKey);
    }
}
