package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code io.casework.notification.webhook-test}: the synthetic event of "send test event", sent to that one
 * webhook only (never to Kafka). Contract: docs/events/schemas/io.casework.notification.webhook-test.json
 */
public record WebhookTested(UUID webhookId, String organization, String requestedBy, Instant requestedAt, String message) {

    public static final String TYPE = "io.casework.notification.webhook-test";
}
