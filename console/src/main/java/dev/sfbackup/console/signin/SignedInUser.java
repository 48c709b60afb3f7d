package dev.sfbackup.console.signin;

import dev.sfbackup.security.Roles;
import java.util.Set;

/**
 * Who is using the console: the bearer token the console forwards to the services, and the roles it shows buttons
 * for. The services check the token themselves; the roles here only decide what is offered.
 */
public record SignedInUser(String name, String token, Set<String> roles) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    /** The role ladder (viewer ⊂ operator ⊂ restore-operator ⊂ admin): true when any held role is at least this one. */
    public boolean can(String role) {
        int needed = Roles.LADDER.indexOf(role);
        return roles.stream().anyMatch(held -> Roles.LADDER.indexOf(held) >= needed && needed >= 0);
    }

    public boolean isOperator() {
        return can(Roles.OPERATOR);
    }

    public boolean isRestoreOperator() {
        return can(Roles.RESTORE_OPERATOR);
    }

    public boolean isAdmin() {
        return can(Roles.ADMIN);
    }

    /** The highest role held, for the header. */
    public String role() {
        for (int i = Roles.LADDER.size() - 1; i >= 0; i--) {
            if (roles.contains(Roles.LADDER.get(i))) {
                return Roles.LADDER.get(i);
            }
        }
        return "no role";
    }
}
