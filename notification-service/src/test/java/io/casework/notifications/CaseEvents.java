package io.casework.notifications;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.casework.testsupport.EventContract;

/** {@code io.casework.case.opened} CloudEvents as case-service publishes them, checked against the contract. */
public final class CaseEvents {

    public static final String TOPIC = "casework.case-events";

    private CaseEvents() {
    }

    public static String newCaseNumber() {
        return "C-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
    }

    public static String caseOpened(String eventId, UUID caseId, String number, String contactEmail, String language) {
        return caseOpened(eventId, caseId, number, contactEmail, List.of(), language);
    }

    public static String caseOpened(String eventId, UUID caseId, String number, String contactEmail,
            List<String> ccEmails, String language) {
        String ccs = ccEmails.stream().map(cc -> "\"" + cc + "\"").collect(Collectors.joining(", ", "[", "]"));
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/case-service",
                 "type": "io.casework.case.opened", "subject": "%s", "time": "2026-11-21T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "number": "%s", "organization": "acme", "product": "Cloud Mail",
                          "subject": "Mail delivery delayed for all users", "priority": "P2", "state": "NEW",
                          "creator": "%s", "contactEmail": "%s", "ccEmails": %s, "language": "%s",
                          "channel": "PORTAL", "escalated": false, "relatedCaseIds": [],
                          "createdAt": "2026-11-21T10:00:00Z", "description": "not part of the contract"}}
                """.formatted(eventId, caseId, caseId, number, contactEmail, contactEmail, ccs, language);
        EventContract.assertConforms(event);
        return event;
    }
}
