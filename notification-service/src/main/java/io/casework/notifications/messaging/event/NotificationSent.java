package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code io.casework.notification.sent}: the SMTP server accepted a mail. Key = caseId, or incidentId for
 * known-issue mails, or organizationId for contract mails. Carries no body.
 * Contract: docs/events/schemas/io.casework.notification.sent.json
 */
public record NotificationSent(
        UUID deliveryId,
        UUID caseId,
        UUID incidentId,
        String organizationId,
        String kind,
        String recipient,
        String language,
        Instant sentAt) {

    public static final String TYPE = "io.casework.notification.sent";
}
