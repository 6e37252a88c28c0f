package io.casework.notifications.messaging.event;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The io.casework.case.* events that cause mail, as far as notification-service reads them (tolerant reader).
 * Each carries the case summary; the other fields are those of its own type and null in the others.
 * Contracts: docs/events/schemas/io.casework.case.*.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseChanged(
        // the case summary every case event carries
        UUID caseId,
        String number,
        String organization,
        String product,
        String subject,
        String priority,
        String state,
        String contactEmail,
        List<String> ccEmails,
        String language,
        String assignee,
        /** A sandbox case: its mails are suppressed (absent in events from before the flag: false). */
        Boolean testCase,
        // state-changed
        String from,
        String to,
        String changedBy,
        /** state-changed: why; escalated: RESOLUTION_TIME, TECHNICAL_EXPERTISE or BUSINESS_IMPACT. */
        String reason,
        // comment-added
        String author,
        String authorKind,
        String visibility,
        String body,
        // escalated
        String justification,
        // resolved
        String resolutionCode,
        String note,
        // closed
        Boolean automatic,
        // reopened
        Integer reopenCount) {

    public static final String STATE_CHANGED = "io.casework.case.state-changed";
    public static final String COMMENT_ADDED = "io.casework.case.comment-added";
    public static final String ESCALATED = "io.casework.case.escalated";
    public static final String RESOLVED = "io.casework.case.resolved";
    public static final String CLOSED = "io.casework.case.closed";
    public static final String REOPENED = "io.casework.case.reopened";
    /** Mail nobody, but keep the assignee that SLA mails go to. */
    public static final String ASSIGNED = "io.casework.case.assigned";
}
