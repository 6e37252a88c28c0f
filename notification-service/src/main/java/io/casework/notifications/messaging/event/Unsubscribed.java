package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code io.casework.notification.unsubscribed}: someone used the unsubscribe link of a known-issue mail; they
 * get no more of its mails, and status-service is to end the subscription (back to individual support).
 * Key = incidentId. Contract: docs/events/schemas/io.casework.notification.unsubscribed.json
 */
public record Unsubscribed(
        UUID incidentId,
        String incidentNumber,
        String subscriberEmail,
        boolean oneClick,
        Instant unsubscribedAt) {

    public static final String TYPE = "io.casework.notification.unsubscribed";
}
