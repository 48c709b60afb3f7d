package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Whether a document's latest version already is the stored body: an attempt killed between the org's answer to its
 * upload and the id-map write left it there. Title and size are compared first (one query); only when both match is
 * the version's body read and its SHA-256 compared with the stored one.
 */
final class UploadedBefore {

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private final SalesforceConnection org;
    long apiCalls;

    UploadedBefore(SalesforceConnection org) {
        this.org = org;
    }

    boolean isTheStoredBody(String latestVersion, FileToRestore file) {
        if (file.body() == null || file.body().sha256() == null || !RECORD_ID.matcher(latestVersion).matches()) {
            return false;
        }
        ObjectNode latest;
        apiCalls++;
        try (RestQuery<ObjectNode> rows = org.query("SELECT Id, Title, ContentSize FROM ContentVersion WHERE Id = '" + latestVersion + "'")) {
            if (!rows.hasNext()) {
                return false;
            }
            latest = rows.next();
        }
        if (latest.path("ContentSize").asLong(-1) != file.body().size() || !file.title().equals(latest.path("Title").asText())) {
            return false;
        }
        apiCalls++;
        return file.body().sha256().equalsIgnoreCase(sha256(latestVersion));
    }

    private String sha256(String version) {
        try (InputStream body = org.openBlob(ContentVersionRestore.OBJECT, version, "VersionData")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the body of ContentVersion " + version, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
