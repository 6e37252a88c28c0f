package io.casework.sla.messaging;

import java.time.Instant;
import java.util.UUID;

import io.casework.testsupport.EventContract;

/** Case events as case-service publishes them, checked against their contracts so that test input is real. */
final class CaseEvents {

    static final String TOPIC = "casework.case-events";

    private CaseEvents() {
    }

    private static String event(String type, String caseId, Instant time, String organization, String priority,
            String state, String extra) {
        String json = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/case-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "number": "C-2026-000042", "organization": "%s", "product": "Cloud Mail",
                          "subject": "Mail delivery delayed", "priority": "%s", "state": "%s",
                          "contactEmail": "someone@%s.example", "ccEmails": [], "language": "en", "channel": "PORTAL",
                          "assignee": null, "escalated": false, %s}}
                """.formatted(UUID.randomUUID(), type, caseId, time, caseId, organization, priority, state, organization,
                extra);
        EventContract.assertConforms(json);
        return json;
    }

    static String opened(String caseId, String organization, String priority, Instant at) {
        return event("io.casework.case.opened", caseId, at, organization, priority, "NEW",
                """
                "creator": "someone@%s.example", "relatedCaseIds": [], "createdAt": "%s"
                """.formatted(organization, at));
    }

    static String stateChanged(String caseId, String organization, String priority, String from, String to, Instant at) {
        return event("io.casework.case.state-changed", caseId, at, organization, priority, to,
                """
                "from": "%s", "to": "%s", "changedBy": "sam@casework.example", "reason": null, "changedAt": "%s"
                """.formatted(from, to, at));
    }

    static String priorityChanged(String caseId, String organization, String from, String to, Instant at) {
        return event("io.casework.case.priority-changed", caseId, at, organization, to, "IN_PROGRESS",
                """
                "from": "%s", "to": "%s", "changedBy": "sam@casework.example", "reason": "Impact grew", "changedAt": "%s"
                """.formatted(from, to, at));
    }

    static String commentAdded(String caseId, String organization, String priority, String authorKind,
            String visibility, boolean firstResponse, Instant at) {
        return event("io.casework.case.comment-added", caseId, at, organization, priority, "IN_PROGRESS",
                """
                "commentId": "%s", "author": "sam@casework.example", "authorKind": "%s", "visibility": "%s",
                "body": "Looking into it", "firstResponse": %s, "createdAt": "%s"
                """.formatted(UUID.randomUUID(), authorKind, visibility, firstResponse, at));
    }
}
