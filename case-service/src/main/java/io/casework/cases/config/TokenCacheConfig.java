package io.casework.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The verified-token cache (rest/VerifiedTokenCache). */
@ConfigMapping(prefix = "casework.auth.token-cache")
public interface TokenCacheConfig {

    /** The longest a verified token is remembered, even if it is valid for longer. PT0S turns the cache off. */
    @WithDefault("PT60S")
    Duration maxAge();

    /** How many distinct tokens are remembered at most. */
    @WithDefault("10000")
    long maxSize();
}
