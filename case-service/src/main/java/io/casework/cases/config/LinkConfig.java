package io.casework.cases.config;

import io.smallrye.config.ConfigMapping;

/** Links in mails that work without a login: notification-service signs them, case-service verifies them. */
@ConfigMapping(prefix = "casework.links")
public interface LinkConfig {

    /**
     * HMAC-SHA256 key shared with notification-service (environment CASEWORK_LINK_SECRET). The default is for a
     * developer's machine only: every real deployment sets 32+ random bytes.
     */
    String secret();
}
