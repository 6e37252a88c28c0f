package io.casework.notifications.service;

import java.util.UUID;

import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.ComposedMail;

/** One mail that one event causes for one recipient. */
public record Notification(
        String eventId,
        NotificationKind kind,
        UUID caseId,
        String recipient,
        Language language,
        ComposedMail mail) {
}
