package io.casework.cases.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casework.cases.config.CaseConfig;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Comment;
import io.casework.cases.domain.Visibility;
import io.casework.cases.messaging.event.CaseChanges;
import io.casework.cases.messaging.event.CaseSummary;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The conversation on a case, and what a comment does to the case (first response, reply, reopen). */
@ApplicationScoped
public class CommentService {

    private final CaseAccess access;
    private final CaseWorkflow workflow;
    private final CaseHistory history;
    private final EventOutbox outbox;
    private final CaseConfig config;

    CommentService(CaseAccess access, CaseWorkflow workflow, CaseHistory history, EventOutbox outbox, CaseConfig config) {
        this.access = access;
        this.workflow = workflow;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public Comment add(UUID caseId, String body, Visibility visibility, Caller caller, Idempotency.Recorder idempotency) {
        Case supportCase = access.forUpdate(caseId, caller, IfMatch.NONE);
        Visibility effective = visibility == null ? Visibility.PUBLIC : visibility;
        if (effective == Visibility.INTERNAL && !caller.isStaff()) {
            throw new CaseRuleException(Kind.FORBIDDEN, "Internal notes are for staff",
                    "Only support staff can write internal notes");
        }
        Instant now = Instant.now();
        boolean customerSide = !caller.isStaff();
        if (customerSide && supportCase.state == CaseState.CLOSED) {
            reopenOrRefuse(supportCase, caller, now);
        } else if (customerSide) {
            CaseState from = supportCase.customerReplied();
            if (from != supportCase.state) {
                workflow.stateChanged(supportCase, from, caller.email(), "Customer replied", now);
            }
        }
        boolean firstResponse = false;
        if (caller.isStaff() && effective == Visibility.PUBLIC && supportCase.firstRespondedAt == null) {
            firstResponse = true;
            supportCase.firstRespondedAt = now;
            if (supportCase.state == CaseState.NEW) {
                workflow.stateChanged(supportCase, supportCase.startWork(), caller.email(), "First response", now);
            }
        }
        Comment comment = new Comment();
        comment.id = UUID.randomUUID();
        comment.caseId = caseId;
        comment.author = caller.email();
        comment.authorKind = Comment.AuthorKind.of(caller);
        comment.visibility = effective;
        comment.body = body;
        comment.createdAt = now;
        comment.persist();
        supportCase.updatedAt = now;
        outbox.record(CaseChanges.CommentAdded.TYPE, caseId.toString(), new CaseChanges.CommentAdded(
                CaseSummary.of(supportCase), comment.id, comment.author, comment.authorKind.name(), effective.name(),
                effective == Visibility.PUBLIC ? body : null, firstResponse, now));
        idempotency.created(caseId, comment.id.toString());
        return comment;
    }

    /** One comment of a case the caller may see (internal notes for staff only), or 404. */
    public Comment get(UUID caseId, UUID commentId, Caller caller) {
        access.visible(caseId, caller);
        Comment comment = Comment.findById(commentId);
        if (comment == null || !comment.caseId.equals(caseId)
                || (comment.visibility != Visibility.PUBLIC && !caller.isStaff())) {
            throw new jakarta.ws.rs.NotFoundException("Comment " + commentId + " not found on case " + caseId);
        }
        return comment;
    }

    // Reads run without a transaction: no flush or dirty checking, the request's session only loads.
    public List<Comment> list(UUID caseId, Caller caller) {
        access.visible(caseId, caller);
        return caller.isStaff()
                ? Comment.list("caseId = ?1 order by createdAt, id", caseId)
                : Comment.list("caseId = ?1 and visibility = ?2 order by createdAt, id", caseId, Visibility.PUBLIC);
    }

    /** Seed 002: a comment within the window reopens the case; later, the customer files a new case instead. */
    private void reopenOrRefuse(Case supportCase, Caller caller, Instant now) {
        if (!supportCase.reopenableAt(now, config.reopenWindow())) {
            throw new CaseRuleException(Kind.CONFLICT, "Case closed for good",
                    "This case was closed more than " + config.reopenWindow().toDays()
                            + " days ago and can no longer be reopened. File a new case that references it "
                            + "(POST /api/v1/cases with relatedCaseIds [\"" + supportCase.id + "\"]).",
                    Map.of("newCasePath", "/api/v1/cases", "relatedCaseId", supportCase.id.toString(),
                            "closedAt", supportCase.closedAt.toString()));
        }
        CaseState from = supportCase.reopen();
        history.record(supportCase.id, now, caller.email(), "REOPENED", "reopenCount", supportCase.reopenCount - 1,
                supportCase.reopenCount, "Customer commented within the reopen window");
        workflow.stateChanged(supportCase, from, caller.email(), "Reopened by a customer comment", now);
        outbox.record(CaseChanges.Reopened.TYPE, supportCase.id.toString(), new CaseChanges.Reopened(
                CaseSummary.of(supportCase), supportCase.reopenCount, caller.email(), now));
    }
}
