package io.casework.notifications.domain;

import java.util.List;

/** The case events a webhook can receive: every io.casework.case.* type case-service publishes. */
public final class WebhookEventTypes {

    public static final List<String> CASE_EVENTS = List.of(
            "io.casework.case.opened",
            "io.casework.case.updated",
            "io.casework.case.assigned",
            "io.casework.case.state-changed",
            "io.casework.case.priority-changed",
            "io.casework.case.comment-added",
            "io.casework.case.attachment-added",
            "io.casework.case.escalated",
            "io.casework.case.de-escalated",
            "io.casework.case.resolved",
            "io.casework.case.closed",
            "io.casework.case.reopened",
            "io.casework.case.survey-answered");

    private WebhookEventTypes() {
    }
}
