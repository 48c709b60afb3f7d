package dev.sfbackup.storage;

import dev.sfbackup.testing.SignInTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module verifies backup-testing's TestTokens (Quarkus applies the resource to all tests). */
@QuarkusTestResource(SignInTestResource.class)
final class TestSignIn {

    private TestSignIn() {
    }
}
