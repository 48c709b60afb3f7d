package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sfbackup.api.storage.repository.CreateRepository;
import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.api.storage.repository.S3CredentialSource;
import dev.sfbackup.api.storage.repository.S3Location;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoryFormTest {

    private static RepositoryForm filledIn(String kind) {
        RepositoryForm form = RepositoryForm.blank();
        form.kind = kind;
        form.name = " archive ";
        form.path = "/var/backups/sfb";
        form.endpoint = "https://s3.example.com";
        form.region = "eu-west-1";
        form.bucket = "sfb";
        form.prefix = "";
        form.accessKey = "AK";
        form.secretKey = "SK";
        form.pathStyle = true;
        return form;
    }

    @Test
    void onlyTheInputsOfTheChosenKindAreSent() {
        assertEquals(new CreateRepository("archive", RepositoryKind.LOCAL, "/var/backups/sfb", null), filledIn("LOCAL").toRequest());
        CreateRepository s3 = filledIn("S3").toRequest();
        assertNull(s3.path());
        assertEquals(new S3Location("https://s3.example.com", "eu-west-1", "sfb", null, null, "AK", "SK", true), s3.s3());
    }

    @Test
    void anUnknownKindIsNamed() {
        assertEquals(Map.of("kind", "LOCAL or S3"), filledIn("FTP").typeErrors());
        assertEquals(Map.of(), filledIn("S3").typeErrors());
    }

    @Test
    void anS3RepositoryMaySignInWithTheServicesOwnIdentity() {
        RepositoryForm chain = filledIn("S3");
        chain.credentials = "DEFAULT_CHAIN";
        assertEquals(S3CredentialSource.DEFAULT_CHAIN, chain.toRequest().s3().credentials());
        chain.credentials = "ROOT";
        assertEquals(Map.of("s3.credentials", "STATIC or DEFAULT_CHAIN"), chain.typeErrors());
    }
}
