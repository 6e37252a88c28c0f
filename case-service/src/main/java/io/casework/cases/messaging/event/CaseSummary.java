package io.casework.cases.messaging.event;

import java.util.List;
import java.util.UUID;

import io.casework.cases.domain.Case;

/**
 * What every case event carries, so that consumers (SLA clocks, e-mail, status) never call back:
 * identity, organization, product, priority level, state, who to tell and in which language, and the filing
 * party's own reference (externalId) so that a partner's webhook can match the event to its ticket, and whether it
 * is a sandbox case (testCase: consumers mail no real recipient, page no one and count it nowhere).
 */
public record CaseSummary(
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
        String channel,
        String assignee,
        boolean escalated,
        String externalId,
        boolean testCase) {

    public static CaseSummary of(Case c) {
        return new CaseSummary(c.id, c.number, c.organization, c.product, c.subject, c.priority.code(), c.state.name(),
                c.contactEmail, List.copyOf(c.ccEmails), c.language, c.channel.name(), c.assignee, c.escalated,
                c.externalId, c.testCase);
    }
}
