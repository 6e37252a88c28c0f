package io.casework.notifications.config;

import java.time.Duration;
import java.util.Optional;

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

    /**
     * HMAC-SHA256 key of the survey and unsubscribe links (environment CASEWORK_LINK_SECRET, 32+ random bytes);
     * case-service verifies survey links with the same key. No default outside the dev and test profiles:
     * notification-service refuses to start without it ({@link io.casework.notifications.mail.SignedLinks}).
     */
    Optional<String> linkSecret();

    /** The operations list that gets every SLA warning and breach. */
    @WithDefault("ops@casework.example")
    String opsEmail();

    /** Whom an organization's admins contact to renew a maintenance contract (named in contract mails). */
    @WithDefault("sales@casework.example")
    String salesEmail();

    /** How long the survey link of a closed case works. */
    @WithDefault("P30D")
    Duration surveyLinkValidity();

    /** Sending mail (MailSender). */
    Mail mail();

    interface Mail {

        /** How often the sender looks for due mail without being woken (retries, leases that ended). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most deliveries claimed, and sent at once, in one pass (the mailer keeps quarkus.mailer.max-pool-size connections). */
        @WithDefault("50")
        int batchSize();

        /** Attempts before a delivery is DEAD and waits for ops. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; it doubles after each further one. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between two attempts (8 attempts: about 5 minutes in all). */
        @WithDefault("1m")
        Duration maxBackoff();

        /**
         * How long an attempt may take before another sender may take the delivery over (and send it again, with the same
         * Message-ID): longer than the SMTP conversation (quarkus.mailer.timeout) and a short database outage.
         */
        @WithDefault("1m")
        Duration lease();
    }

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
