package io.casework.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller as the services' domains see it, read from the current request's verified access token. */
@ApplicationScoped
public class CallerFactory {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CallerFactory(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The signed-in caller: e-mail (else the principal's name), the {@code org} claim and the roles. */
    public Caller current() {
        String email = token.getClaim("email");
        return new Caller(email != null ? email : identity.getPrincipal().getName(), token.getClaim("org"),
                identity.getRoles());
    }

    /** True on a public endpoint called without a token. */
    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
