package io.casework.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A support case. */
@Entity
@Table(name = "support_case")
public class Case extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(nullable = false)
    public String organization;

    @Column(nullable = false)
    public String product;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Column(nullable = false)
    public String creator;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;

    // SLA state from sla-service's events (SlaEventHandler, case_sla_target): written by SQL only, never by an edit,
    // so that an event and an edit of the case never overwrite each other and an event does not change the version.
    /** Metric of the next open SLA target (FIRST_RESPONSE, PERIODIC_UPDATE); null when none is open. */
    @Column(name = "sla_next_target", insertable = false, updatable = false)
    public String slaNextTarget;

    /** When the next open target is due; null while it is paused or when none is open. */
    @Column(name = "sla_due_at", insertable = false, updatable = false)
    public Instant slaDueAt;

    /** Whether any SLA target of the case was breached; null until sla-service has set a target. */
    @Column(name = "sla_breached", insertable = false, updatable = false)
    public Boolean slaBreached;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cc_emails", nullable = false)
    public List<String> ccEmails = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "related_case_ids", nullable = false)
    public List<UUID> relatedCaseIds = new ArrayList<>();

    @Column(name = "known_issue_id")
    public String knownIssueId;

    /**
     * The filing party's own reference (a partner's ticket id): unique per organization and filing party, see
     * {@link #externalIdOwner()}.
     */
    @Column(name = "external_id")
    public String externalId;

    /**
     * A sandbox case (Google's testCase): it runs the whole flow, but consumers mail no real recipient, page no one
     * and leave it out of metrics and reports. Fixed at filing.
     */
    @Column(name = "test_case", nullable = false)
    public boolean testCase;

    /** The reseller that managed the organization when a partner filed this case. */
    @Column(name = "filed_by_reseller")
    public String filedByReseller;

    /** The reseller that managed the organization at filing time: only it may see the case, and only while it still does. */
    @Column(name = "reseller_at_filing")
    public String resellerAtFiling;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CaseDetails details = CaseDetails.NONE;

    public String assignee;

    @Column(nullable = false)
    public boolean escalated;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_reason")
    public EscalationReason escalationReason;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_code")
    public ResolutionCode resolutionCode;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_before_hold")
    public CaseState stateBeforeHold;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "survey_rating")
    public Short surveyRating;

    @Column(name = "survey_comment")
    public String surveyComment;

    @Column(name = "survey_answered_at")
    public Instant surveyAnsweredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whose reference space {@link #externalId} belongs to: the partner that filed the case, else its creator. */
    public String externalIdOwner() {
        return filedByReseller != null ? filedByReseller : creator;
    }

    // ---- state machine: every transition is checked here; services only orchestrate ----

    /** Staff start working the case, or take it back from the customer. */
    public CaseState startWork() {
        return moveTo(CaseState.IN_PROGRESS, EnumSet.of(CaseState.NEW, CaseState.ACTION_REQUIRED));
    }

    /** Staff wait on the customer. */
    public CaseState awaitCustomer() {
        return moveTo(CaseState.ACTION_REQUIRED, EnumSet.of(CaseState.NEW, CaseState.IN_PROGRESS));
    }

    /** A customer answered while support waited on them, or replied to a proposed solution. */
    public CaseState customerReplied() {
        if (state == CaseState.ACTION_REQUIRED || state == CaseState.SOLUTION_PROVIDED) {
            return moveTo(CaseState.IN_PROGRESS, EnumSet.of(state));
        }
        return state;
    }

    public CaseState provideSolution(ResolutionCode code, String note, Instant at) {
        CaseState previous = moveTo(CaseState.SOLUTION_PROVIDED,
                EnumSet.of(CaseState.NEW, CaseState.IN_PROGRESS, CaseState.ACTION_REQUIRED));
        resolutionCode = code;
        resolutionNote = note;
        resolvedAt = at;
        return previous;
    }

    public CaseState close(Instant at) {
        CaseState previous = moveTo(CaseState.CLOSED, CaseState.ACTIVE);
        closedAt = at;
        return previous;
    }

    /**
     * Whether a comment at {@code at} may still reopen this case: it is closed, and {@code at} is no later than
     * {@code window} after it was closed (seed 002: 30 days; the last instant of the window still counts).
     */
    public boolean reopenableAt(Instant at, Duration window) {
        return state == CaseState.CLOSED && closedAt != null && !at.isAfter(closedAt.plus(window));
    }

    /** A customer comment on a closed case within the reopen window. */
    public CaseState reopen() {
        CaseState previous = moveTo(CaseState.IN_PROGRESS, EnumSet.of(CaseState.CLOSED));
        reopenCount++;
        closedAt = null;
        escalated = false;
        return previous;
    }

    /** The organization's maintenance contract lapsed: freeze where the case stands. */
    public CaseState hold() {
        CaseState previous = moveTo(CaseState.ON_HOLD, CaseState.ACTIVE);
        stateBeforeHold = previous;
        return previous;
    }

    /** The contract was renewed: resume exactly where the case was. */
    public CaseState release() {
        if (state != CaseState.ON_HOLD) {
            throw invalidTransition(state, stateBeforeHold);
        }
        CaseState previous = state;
        state = stateBeforeHold;
        stateBeforeHold = null;
        return previous;
    }

    private CaseState moveTo(CaseState target, Set<CaseState> allowedFrom) {
        if (!allowedFrom.contains(state)) {
            throw invalidTransition(state, target);
        }
        CaseState previous = state;
        state = target;
        return previous;
    }

    private static CaseRuleException invalidTransition(CaseState from, CaseState to) {
        return new CaseRuleException(CaseRuleException.Kind.CONFLICT, "Transition not allowed",
                "A case in state " + from + " cannot move to " + to);
    }
}
