package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.case.opened}, as far as notification-service reads it (tolerant reader).
 * Contract: docs/events/schemas/io.casework.case.opened.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(
        UUID caseId,
        String number,
        String organization,
        String product,
        String subject,
        String priority,
        String contactEmail,
        List<String> ccEmails,
        String language,
        Instant createdAt,
        /** A sandbox case: its mails are suppressed (absent in events from before the flag: false). */
        Boolean testCase) {

    public static final String TYPE = "io.casework.case.opened";
}
