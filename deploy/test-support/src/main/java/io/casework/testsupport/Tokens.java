package io.casework.testsupport;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real signed access tokens for tests, shaped like the ones Keycloak's {@code casework} realm issues:
 * roles in {@code groups}, the organization in {@code org}, audience {@code casework-api}.
 */
public final class Tokens {

    public static final String AUDIENCE = "casework-api";

    private Tokens() {
    }

    /** A token for {@code email} in organization {@code org} holding {@code roles}. */
    public static String of(String email, String org, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(email, Set.of(roles), email, null, Set.of(AUDIENCE),
                Map.of("email", email, "org", org));
    }

    /** A token signed by the same issuer but meant for another API: it must be refused. */
    public static String forOtherAudience(String email, String org, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(email, Set.of(roles), email, null, Set.of("another-api"),
                Map.of("email", email, "org", org));
    }
}
