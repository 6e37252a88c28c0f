package io.casework.notifications.domain;

/** What a mail is about; see docs/notifications.md for each one's trigger and recipients. */
public enum NotificationKind {
    /** Receipt for a newly filed case: number, priority, what happens next. */
    CASE_OPENED,
    /**
     * The first-response target, set by sla-service after the receipt went out (which then promised it): to the
     * receipt's recipients, once per case.
     */
    CASE_FIRST_RESPONSE_TARGET,
    CASE_STATE_CHANGED,
    /** A public comment by the other side: staff to the customer, or the customer (or partner) to the assignee. */
    CASE_COMMENTED,
    CASE_ESCALATED,
    /** A solution was provided, with its resolution code explained. */
    CASE_RESOLVED,
    /** The case was closed; the contact's mail carries the signed survey link. */
    CASE_CLOSED,
    CASE_REOPENED,
    SLA_WARNING,
    SLA_BREACHED,
    INCIDENT_PUBLISHED,
    INCIDENT_UPDATED,
    INCIDENT_RESOLVED,
    /** The report (postmortem) of a resolved known issue was published: to its subscribers. */
    INCIDENT_REPORT,
    /** The organization's maintenance contract ended: its cases are on hold; to its admins. */
    CONTRACT_LAPSED,
    /** The contract was renewed: held cases resumed; to its admins. */
    CONTRACT_RENEWED;

    /** Whether a person can turn this mail off with preferences.caseUpdates. */
    public boolean optional() {
        return switch (this) {
            case CASE_STATE_CHANGED, CASE_COMMENTED, CASE_ESCALATED, CASE_REOPENED -> true;
            default -> false;
        };
    }
}
