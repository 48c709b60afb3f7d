package dev.sfbackup.console.pages;

import dev.sfbackup.api.storage.repository.CreateRepository;
import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.api.storage.repository.S3CredentialSource;
import dev.sfbackup.api.storage.repository.S3Location;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A new repository as submitted: LOCAL with a directory, or S3 with its location. Field names follow storage-service's
 * (path, s3.endpoint, …) so its problem+json errors land beside the inputs; the S3 secret is sent once and never shown.
 */
public class RepositoryForm {

    @RestForm
    public String name;
    @RestForm
    public String kind;
    @RestForm
    public String path;
    @RestForm
    public String endpoint;
    @RestForm
    public String region;
    @RestForm
    public String bucket;
    @RestForm
    public String prefix;
    @RestForm
    public String credentials;
    @RestForm
    public String accessKey;
    @RestForm
    public String secretKey;
    @RestForm
    public boolean pathStyle;
    @RestForm("_csrf")
    public String csrf;

    public static RepositoryForm blank() {
        RepositoryForm form = new RepositoryForm();
        form.kind = RepositoryKind.LOCAL.name();
        return form;
    }

    public boolean s3() {
        return RepositoryKind.S3.name().equals(kind);
    }

    /** The console's own check: a kind it knows. What each kind needs is storage-service's to say. */
    public Map<String, String> typeErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!RepositoryKind.LOCAL.name().equals(kind) && !s3()) {
            errors.put("kind", "LOCAL or S3");
        }
        if (s3() && orNull(credentials) != null && !"STATIC".equals(credentials) && !"DEFAULT_CHAIN".equals(credentials)) {
            errors.put("s3.credentials", "STATIC or DEFAULT_CHAIN");
        }
        return errors;
    }

    /** storage-service's request: only the inputs of the chosen kind are sent. */
    public CreateRepository toRequest() {
        RepositoryKind chosen = RepositoryKind.valueOf(kind);
        S3Location s3 = chosen == RepositoryKind.S3
                ? new S3Location(orNull(endpoint), orNull(region), orNull(bucket), orNull(prefix), credentialSource(), orNull(accessKey), orNull(secretKey), pathStyle)
                : null;
        return new CreateRepository(name == null ? "" : name.strip(), chosen, chosen == RepositoryKind.LOCAL ? orNull(path) : null, s3);
    }

    private S3CredentialSource credentialSource() {
        return orNull(credentials) == null ? null : S3CredentialSource.valueOf(credentials);
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
