package dev.sfbackup.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ForbiddenException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

    @Test
    void aRoleIncludesTheOnesBelowItOnTheLadder() {
        SignedInUser operator = new SignedInUser("o", "t", Set.of("operator"));
        assertTrue(operator.can("viewer"));
        assertTrue(operator.isOperator());
        assertFalse(operator.isRestoreOperator());
        assertFalse(operator.isAdmin());
        assertEquals("operator", operator.role());
    }

    @Test
    void aServiceRoleOrNoneOffersNothing() {
        SignedInUser service = new SignedInUser("s", "t", Set.of("service"));
        assertFalse(service.can("viewer"));
        assertFalse(service.can("unknown-role"));
        assertEquals("no role", service.role());
    }

    @Test
    void theCsrfValueBelongsToOneTokenAndRevealsNothingOfIt() {
        String value = Csrf.tokenFor("token-a");
        assertEquals(value, Csrf.tokenFor("token-a"));
        assertFalse(value.contains("token-a"));
        Csrf.require("token-a", value);
        assertThrows(ForbiddenException.class, () -> Csrf.require("token-b", value));
        assertThrows(ForbiddenException.class, () -> Csrf.require("token-a", null));
    }

    @Test
    void afterSignInOnlyAPathOfTheConsoleIsFollowed() {
        assertEquals("/runs/1", SignInPage.safeNext("/runs/1"));
        assertEquals("/", SignInPage.safeNext("//attacker.example/x"));
        assertEquals("/", SignInPage.safeNext("https://attacker.example/"));
        assertEquals("/", SignInPage.safeNext("/\\attacker.example"));
        assertEquals("/", SignInPage.safeNext(null));
    }
}
