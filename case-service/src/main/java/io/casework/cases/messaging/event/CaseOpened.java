package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.UUID;

/** {@code io.casework.case.opened}: a case was filed. Contract: docs/events/schemas/io.casework.case.opened.json */
public record CaseOpened(
        UUID caseId,
        String number,
        String organization,
        String product,
        String subject,
        String priority,
        String state,
        String creator,
        String contactEmail,
        String language,
        String channel,
        Instant createdAt) {

    public static final String TYPE = "io.casework.case.opened";
}
