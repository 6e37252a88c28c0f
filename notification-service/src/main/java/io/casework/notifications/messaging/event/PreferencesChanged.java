package io.casework.notifications.messaging.event;

import java.time.Instant;

/**
 * {@code io.casework.notification.preferences-changed}: someone created or changed their notification
 * preferences. Key = email. Contract: docs/events/schemas/io.casework.notification.preferences-changed.json
 */
public record PreferencesChanged(
        String email,
        String language,
        boolean caseUpdates,
        long version,
        Instant changedAt) {

    public static final String TYPE = "io.casework.notification.preferences-changed";
}
