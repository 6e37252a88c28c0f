package io.casework.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "casework.notifications")
public interface NotificationConfig {

    /** Where people reach Casework (the gateway); links in mails start with it. */
    String publicBaseUrl();

    /**
     * Where a case mail links to: a template with {@code {caseId}} and {@code {number}}, e.g. the case page of the
     * customers' portal ({@code https://support.example.com/cases/{caseId}}). By default the case's API resource behind
     * the gateway, which the recipient reads with their token.
     */
    String caseUrl();

    /** HMAC-SHA256 key of the survey and unsubscribe links; case-service verifies survey links with the same key. */
    String linkSecret();

    /** The operations list that gets every SLA warning and breach. */
    @WithDefault("ops@casework.example")
    String opsEmail();

    /** Whom an organization's admins contact to renew a maintenance contract (named in contract mails). */
    @WithDefault("sales@casework.example")
    String salesEmail();

    /** How long the survey link of a closed case works. */
    @WithDefault("P30D")
    Duration surveyLinkValidity();

    /**
     * Case events handled at once (of different cases: one case's events are handled one after another, in order).
     * Each holds up to two database connections while its mail is sent, so keep it well below the pool's size.
     */
    @WithDefault("8")
    int inboundConcurrency();

    /** Partner webhooks. */
    Webhooks webhooks();

    interface Webhooks {

        /**
         * Whether webhooks may point to loopback, private, link-local and carrier-grade NAT addresses, over plain http
         * too: for a receiver on a developer's machine (deploy/stack, dev and tests), never in production. Cloud
         * metadata, unspecified, multicast and reserved addresses stay refused.
         */
        @WithDefault("false")
        boolean allowPrivateDestinations();

        /** How long a rotated-out secret keeps signing deliveries beside the new one. */
        @WithDefault("PT24H")
        Duration secretRotationOverlap();

        /** How often the sender looks for due deliveries. */
        @WithDefault("1s")
        String pollInterval();

        /** Most deliveries claimed in one pass of the sender. */
        @WithDefault("50")
        int batchSize();

        /** Attempts before a delivery is DEAD. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; it doubles after each further one. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How long an endpoint has to answer. */
        @WithDefault("PT10S")
        Duration requestTimeout();
    }
}
