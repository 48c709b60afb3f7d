package dev.sfbackup.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in user of this request, set by {@link SignInFilter}; templates read it as {@code inject:me}. */
@RequestScoped
@Named("me")
public class CurrentUser {

    private SignedInUser user;

    void set(SignedInUser user) {
        this.user = user;
    }

    /** The user; pages behind sign-in always have one. */
    public SignedInUser get() {
        if (user == null) {
            throw new IllegalStateException("no signed-in user on this request");
        }
        return user;
    }

    /** The value every form of this user carries in its {@value Csrf#FIELD} field. */
    public String csrf() {
        return Csrf.tokenFor(get());
    }

    public boolean present() {
        return user != null;
    }
}
