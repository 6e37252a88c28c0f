package io.casework.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "casework.notifications")
public interface NotificationConfig {

    /** Where people reach Casework (the gateway); links in mails start with it. */
    String publicBaseUrl();

    /** HMAC-SHA256 key of the survey and unsubscribe links; case-service verifies survey links with the same key. */
    String linkSecret();

    /** The operations list that gets every SLA warning and breach. */
    @WithDefault("ops@casework.example")
    String opsEmail();

    /** How long the survey link of a closed case works. */
    @WithDefault("P30D")
    Duration surveyLinkValidity();
}
