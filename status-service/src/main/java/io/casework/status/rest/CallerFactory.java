package io.casework.status.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.casework.status.domain.Audience;
import io.casework.status.domain.Caller;
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

    /** On public endpoints: anyone without a token; a token shows customers-only incidents, a publisher's drafts too. */
    public Audience audience() {
        if (identity.isAnonymous()) {
            return Audience.ANYONE;
        }
        return identity.hasRole("status-publisher") || identity.hasRole("ops") ? Audience.PUBLISHERS : Audience.SIGNED_IN;
    }
}
