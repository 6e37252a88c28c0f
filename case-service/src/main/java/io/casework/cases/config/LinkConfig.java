package io.casework.cases.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Links in mails that work without a login: notification-service signs them, case-service verifies them. */
@ConfigMapping(prefix = "casework.links")
public interface LinkConfig {

    /**
     * HMAC-SHA256 key shared with notification-service (environment CASEWORK_LINK_SECRET), 32+ random bytes. No
     * default outside the dev and test profiles: case-service refuses to start without it
     * ({@link io.casework.cases.service.SurveyLinks}).
     */
    Optional<String> secret();
}
