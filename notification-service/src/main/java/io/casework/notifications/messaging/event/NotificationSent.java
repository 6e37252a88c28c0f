package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code io.casework.notification.sent}: the SMTP server accepted a mail. Key = caseId. Carries no body.
 * Contract: docs/events/schemas/io.casework.notification.sent.json
 */
public record NotificationSent(
        UUID deliveryId,
        UUID caseId,
        String kind,
        String recipient,
        String language,
        Instant sentAt) {

    public static final String TYPE = "io.casework.notification.sent";
}
