package io.casework.cases.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.cases.config.CaseConfig;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.CaseNotFoundException;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.EscalationReason;
import io.casework.cases.domain.Priority;
import io.casework.cases.domain.ResolutionCode;
import io.casework.cases.messaging.event.CaseChanges;
import io.casework.cases.messaging.event.CaseSummary;
import io.casework.cases.persistence.CaseSlaRepository;
import io.casework.cases.persistence.OrganizationRepository;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** The actions that move a case through its life: states, resolution, close, escalation, priority, assignment, survey. */
@ApplicationScoped
public class CaseWorkflow {

    private final CaseAccess access;
    private final CaseHistory history;
    private final EventOutbox outbox;
    private final OrganizationRepository organizations;
    private final CaseConfig config;
    private final CaseSlaRepository sla;

    CaseWorkflow(CaseAccess access, CaseHistory history, EventOutbox outbox, OrganizationRepository organizations,
            CaseConfig config, CaseSlaRepository sla) {
        this.access = access;
        this.history = history;
        this.outbox = outbox;
        this.organizations = organizations;
        this.config = config;
        this.sla = sla;
    }

    @Transactional
    public Case transition(UUID id, CaseState target, String reason, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        CaseAccess.requireStaff(caller, "move a case between IN_PROGRESS and ACTION_REQUIRED");
        CaseState from = switch (target) {
            case IN_PROGRESS -> supportCase.startWork();
            case ACTION_REQUIRED -> supportCase.awaitCustomer();
            default -> throw new CaseRuleException(Kind.INVALID, "Unsupported target",
                    "Use resolve, close or the contract status to reach " + target);
        };
        stateChanged(supportCase, from, caller.email(), reason, Instant.now());
        return supportCase;
    }

    @Transactional
    public Case resolve(UUID id, ResolutionCode code, String note, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        CaseAccess.requireStaff(caller, "provide a solution");
        Instant now = Instant.now();
        CaseState from = supportCase.provideSolution(code, note, now);
        history.record(id, now, caller.email(), "RESOLVED", "resolutionCode", null, code, note);
        stateChanged(supportCase, from, caller.email(), "Solution provided: " + code, now);
        outbox.record(CaseChanges.Resolved.TYPE, id.toString(),
                new CaseChanges.Resolved(CaseSummary.of(supportCase), code.name(), note, caller.email(), now));
        return supportCase;
    }

    @Transactional
    public Case close(UUID id, String reason, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        closeCase(supportCase, caller.email(), reason, false);
        return supportCase;
    }

    /** Closes one case left in SOLUTION_PROVIDED without an answer for the configured time; false if it moved on. */
    @Transactional
    public boolean autoClose(UUID id, Instant cutoff) {
        Case supportCase = Case.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (supportCase == null || supportCase.state != CaseState.SOLUTION_PROVIDED || supportCase.updatedAt.isAfter(cutoff)) {
            return false;
        }
        closeCase(supportCase, "system", "No answer " + config.autoCloseAfter().toDays()
                + " days after the solution was provided", true);
        return true;
    }

    public List<UUID> autoCloseCandidates(Instant cutoff) {
        return Case.<Case>list("state = ?1 and updatedAt < ?2", CaseState.SOLUTION_PROVIDED, cutoff).stream()
                .map(c -> c.id).toList();
    }

    @Transactional
    public Case escalate(UUID id, EscalationReason reason, String justification, Caller caller, IfMatch ifMatch,
            Idempotency.Recorder idempotency) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        if (!supportCase.state.isOpen() || supportCase.state == CaseState.ON_HOLD) {
            throw new CaseRuleException(Kind.CONFLICT, "Not escalable", "Only an active case can be escalated");
        }
        if (!organizations.escalationAllowed(supportCase.organization)) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Escalation not in plan",
                    "The support plan of " + supportCase.organization
                            + " does not include escalation; a Premier plan does. Add a comment to the case instead.");
        }
        if (supportCase.escalated) {
            throw new CaseRuleException(Kind.CONFLICT, "Already escalated",
                    "This case is already escalated; it can be escalated again after it is reopened");
        }
        Instant now = Instant.now();
        supportCase.escalated = true;
        supportCase.escalationReason = reason;
        supportCase.escalatedAt = now;
        supportCase.updatedAt = now;
        history.record(id, now, caller.email(), "ESCALATED", "escalationReason", null, reason, justification);
        outbox.record(CaseChanges.Escalated.TYPE, id.toString(),
                new CaseChanges.Escalated(CaseSummary.of(supportCase), reason.name(), justification, caller.email(), now));
        idempotency.created(id, null);
        return supportCase;
    }

    @Transactional
    public Case deEscalate(UUID id, String reason, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        CaseAccess.requireStaff(caller, "de-escalate a case");
        if (!supportCase.escalated) {
            throw new CaseRuleException(Kind.CONFLICT, "Not escalated", "This case is not escalated");
        }
        Instant now = Instant.now();
        supportCase.escalated = false;
        supportCase.updatedAt = now;
        history.record(id, now, caller.email(), "DE_ESCALATED", "escalated", true, false, reason);
        outbox.record(CaseChanges.DeEscalated.TYPE, id.toString(),
                new CaseChanges.DeEscalated(CaseSummary.of(supportCase), reason, caller.email(), now));
        return supportCase;
    }

    @Transactional
    public Case changePriority(UUID id, Priority priority, String reason, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        if (!caller.isStaff()) {
            throw priorityIsFixed(supportCase);
        }
        if (!supportCase.state.isOpen()) {
            throw new CaseRuleException(Kind.CONFLICT, "Case closed", "The priority of a closed case cannot change");
        }
        if (priority == supportCase.priority) {
            return supportCase;
        }
        Instant now = Instant.now();
        Priority from = supportCase.priority;
        supportCase.priority = priority;
        supportCase.updatedAt = now;
        history.record(id, now, caller.email(), "PRIORITY_CHANGED", "priority", from, priority, reason);
        outbox.record(CaseChanges.PriorityChanged.TYPE, id.toString(), new CaseChanges.PriorityChanged(
                CaseSummary.of(supportCase), from.code(), priority.code(), caller.email(), reason, now));
        return supportCase;
    }

    /** The rule customers meet when they try to change a priority, with the ways out. */
    public static CaseRuleException priorityIsFixed(Case supportCase) {
        return new CaseRuleException(Kind.FORBIDDEN, "Priority is set at filing",
                "Customers cannot change a case's priority once it is set. To raise it, add a comment that justifies "
                        + "the higher priority, or file a new case with the higher priority that references this one.",
                java.util.Map.of("newCasePath", "/api/v1/cases", "relatedCaseId", supportCase.id.toString()));
    }

    @Transactional
    public Case assign(UUID id, String assignee, Caller caller, IfMatch ifMatch) {
        Case supportCase = access.forUpdate(id, caller, ifMatch);
        CaseAccess.requireStaff(caller, "assign cases");
        if (java.util.Objects.equals(assignee, supportCase.assignee)) {
            return supportCase;
        }
        Instant now = Instant.now();
        String previous = supportCase.assignee;
        supportCase.assignee = assignee;
        supportCase.updatedAt = now;
        history.record(id, now, caller.email(), "ASSIGNED", "assignee", previous, assignee, null);
        outbox.record(CaseChanges.Assigned.TYPE, id.toString(),
                new CaseChanges.Assigned(CaseSummary.of(supportCase), previous, caller.email(), now));
        return supportCase;
    }

    @Transactional
    public Case answerSurvey(UUID id, int rating, String comment, Caller caller, Idempotency.Recorder idempotency) {
        Case supportCase = access.forUpdate(id, caller, IfMatch.NONE);
        if (caller.isStaff()) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Customers only", "The satisfaction survey is for the customer");
        }
        if (supportCase.state != CaseState.SOLUTION_PROVIDED && supportCase.state != CaseState.CLOSED) {
            throw new CaseRuleException(Kind.CONFLICT, "No solution yet",
                    "The survey opens once a solution was provided or the case is closed");
        }
        if (supportCase.surveyAnsweredAt != null) {
            throw new CaseRuleException(Kind.CONFLICT, "Survey answered", "This case's survey was already answered");
        }
        Instant now = Instant.now();
        supportCase.surveyRating = (short) rating;
        supportCase.surveyComment = comment;
        supportCase.surveyAnsweredAt = now;
        history.record(id, now, caller.email(), "SURVEY_ANSWERED", "surveyRating", null, rating, null);
        outbox.record(CaseChanges.SurveyAnswered.TYPE, id.toString(),
                new CaseChanges.SurveyAnswered(CaseSummary.of(supportCase), rating, comment, caller.email(), now));
        idempotency.created(id, null);
        return supportCase;
    }

    /** The case whose survey the signed link for {@code recipient} opens, if it still may be answered. */
    @Transactional
    public Case surveyByLink(UUID id, String recipient) {
        return surveyOpenTo(Case.findById(id), id, recipient);
    }

    private static Case surveyOpenTo(Case supportCase, UUID id, String recipient) {
        if (supportCase == null) {
            throw new CaseNotFoundException(id);
        }
        if (supportCase.contactEmail == null || !supportCase.contactEmail.equalsIgnoreCase(recipient)) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Invalid survey link",
                    "This survey link was made for another contact of the case");
        }
        if (supportCase.surveyAnsweredAt != null) {
            throw new CaseRuleException(Kind.CONFLICT, "Survey answered", "This case's survey was already answered");
        }
        if (supportCase.state != CaseState.SOLUTION_PROVIDED && supportCase.state != CaseState.CLOSED) {
            throw new CaseRuleException(Kind.CONFLICT, "Survey not open",
                    "The survey opens once a solution was provided or the case is closed; a reopened case gets a new link when it closes again");
        }
        return supportCase;
    }

    /**
     * The survey answered through the signed link of the closing mail, without a login: the link names the case and
     * the address it was mailed to, which must be the case's contact.
     */
    @Transactional
    public Case answerSurveyByLink(UUID id, String recipient, int rating, String comment) {
        Case supportCase = surveyOpenTo(Case.findById(id, LockModeType.PESSIMISTIC_WRITE), id, recipient);
        Instant now = Instant.now();
        supportCase.surveyRating = (short) rating;
        supportCase.surveyComment = comment;
        supportCase.surveyAnsweredAt = now;
        supportCase.updatedAt = now;
        history.record(id, now, recipient, "SURVEY_ANSWERED", "surveyRating", null, rating, null);
        outbox.record(CaseChanges.SurveyAnswered.TYPE, id.toString(),
                new CaseChanges.SurveyAnswered(CaseSummary.of(supportCase), rating, comment, recipient, now));
        return supportCase;
    }

    private void closeCase(Case supportCase, String actor, String reason, boolean automatic) {
        Instant now = Instant.now();
        CaseState from = supportCase.close(now);
        stateChanged(supportCase, from, actor, reason, now);
        outbox.record(CaseChanges.Closed.TYPE, supportCase.id.toString(), new CaseChanges.Closed(
                CaseSummary.of(supportCase), actor, automatic, now, "/api/v1/cases/" + supportCase.id + "/survey"));
        sla.closed(supportCase);
    }

    void stateChanged(Case supportCase, CaseState from, String actor, String reason, Instant at) {
        supportCase.updatedAt = at;
        history.record(supportCase.id, at, actor, "STATE_CHANGED", "state", from, supportCase.state, reason);
        outbox.record(CaseChanges.StateChanged.TYPE, supportCase.id.toString(), new CaseChanges.StateChanged(
                CaseSummary.of(supportCase), from.name(), supportCase.state.name(), actor, reason, at));
    }

}
