package io.casework.notifications.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.casework.notifications.domain.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller as the domain sees it, read from the current request's verified access token. */
@ApplicationScoped
public class CallerFactory {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CallerFactory(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller current() {
        String email = token.getClaim("email");
        return new Caller(email != null ? email : identity.getPrincipal().getName(), token.getClaim("org"),
                identity.getRoles());
    }
}
