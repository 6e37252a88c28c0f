package io.casework.notifications.service;

import java.util.Map;
import java.util.UUID;

import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.ComposedMail;

/**
 * One mail that one event causes for one recipient. About a case (caseId), a known issue (incidentId) or an
 * organization (organizationId); {@code headers} are extra mail headers such as List-Unsubscribe.
 */
public record Notification(
        String eventId,
        NotificationKind kind,
        UUID caseId,
        UUID incidentId,
        String organizationId,
        String recipient,
        Language language,
        ComposedMail mail,
        Map<String, String> headers) {

    public static Notification aboutCase(String eventId, NotificationKind kind, UUID caseId, String recipient,
            Language language, ComposedMail mail) {
        return new Notification(eventId, kind, caseId, null, null, recipient, language, mail, Map.of());
    }

    public static Notification aboutOrganization(String eventId, NotificationKind kind, String organizationId,
            String recipient, Language language, ComposedMail mail) {
        return new Notification(eventId, kind, null, null, organizationId, recipient, language, mail, Map.of());
    }

    /** The aggregate the mail belongs to: the key of its io.casework.notification.sent event. */
    public String aggregateId() {
        return caseId != null ? caseId.toString() : incidentId != null ? incidentId.toString() : organizationId;
    }
}
