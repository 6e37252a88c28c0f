package io.casework.cases.rest;

import java.time.Duration;
import java.util.Objects;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.casework.cases.config.TokenCacheConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers access tokens that Quarkus OIDC has fully verified (signature, issuer, audience, lifetime), so a
 * client that sends the same bearer token again is not verified again: parsing and the RSA check were the
 * largest single cost of a request. An entry lives until the token expires, and never longer than
 * {@code casework.auth.token-cache.max-age}, which bounds how long a token signed by a key that the issuer
 * has since withdrawn stays accepted. The key is the whole token, so a tampered or different token is
 * always verified in full; failures are never cached.
 */
@ApplicationScoped
@Unremovable
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private final OidcIdentityProvider oidc;
    private final Cache<String, SecurityIdentity> verified;
    private final Counter remembered;
    private final Counter verifiedInFull;

    VerifiedTokenCache(OidcIdentityProvider oidc, TokenCacheConfig config, MeterRegistry registry) {
        this.oidc = oidc;
        this.remembered = Counter.builder("casework.auth.tokens").tag("verification", "remembered")
                .description("Bearer tokens accepted from the verified-token cache").register(registry);
        this.verifiedInFull = Counter.builder("casework.auth.tokens").tag("verification", "full")
                .description("Bearer tokens handed to Quarkus OIDC for full verification").register(registry);
        this.verified = Caffeine.newBuilder().maximumSize(config.maxSize())
                .expireAfter(new UntilTokenExpiry(config.maxAge())).build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before Quarkus OIDC's own provider (default priority), which this one calls for tokens it has not seen. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential)) {
            return oidc.authenticate(request, context);
        }
        String token = credential.getToken();
        SecurityIdentity known = verified.getIfPresent(token);
        if (known != null && secondsLeft(known) > 0) {
            remembered.increment();
            return Uni.createFrom().item(forThisRequest(known, request));
        }
        verifiedInFull.increment();
        return oidc.authenticate(request, context).invoke(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                verified.put(token, identity);
            }
        });
    }

    /** The cached identity carries the request it was verified in; attach the current one instead. */
    private static SecurityIdentity forThisRequest(SecurityIdentity known, TokenAuthenticationRequest request) {
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        return QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), Objects.requireNonNullElse(current, known.getAttribute(RoutingContext.class.getName())))
                .build();
    }

    /** Seconds until the token's own exp claim; a token without one is not worth caching. */
    static long secondsLeft(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            return jwt.getExpirationTime() - System.currentTimeMillis() / 1000;
        }
        return 0;
    }

    private record UntilTokenExpiry(Duration maxAge) implements Expiry<String, SecurityIdentity> {

        @Override
        public long expireAfterCreate(String token, SecurityIdentity identity, long now) {
            long untilExpiry = Duration.ofSeconds(Math.max(0, secondsLeft(identity))).toNanos();
            return Math.min(untilExpiry, maxAge.toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, SecurityIdentity identity, long now, long current) {
            return expireAfterCreate(token, identity, now);
        }

        @Override
        public long expireAfterRead(String token, SecurityIdentity identity, long now, long current) {
            return current;
        }
    }
}
