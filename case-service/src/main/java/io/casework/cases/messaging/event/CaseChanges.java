package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The events of a case's life after filing; each type's schema is docs/events/schemas/<type>.json. */
public final class CaseChanges {

    private CaseChanges() {
    }

    /** {@code io.casework.case.updated}: customer-editable fields changed. */
    public record CaseUpdated(@JsonUnwrapped CaseSummary summary, List<String> changedFields, String updatedBy,
            Instant updatedAt) {
        public static final String TYPE = "io.casework.case.updated";
    }

    /** {@code io.casework.case.comment-added}; the body travels only for public comments (to be mailed). */
    public record CommentAdded(@JsonUnwrapped CaseSummary summary, UUID commentId, String author, String authorKind,
            String visibility, String body, boolean firstResponse, Instant createdAt) {
        public static final String TYPE = "io.casework.case.comment-added";
    }

    /** {@code io.casework.case.attachment-added}. */
    public record AttachmentAdded(@JsonUnwrapped CaseSummary summary, UUID attachmentId, String filename,
            String contentType, long size, String sha256, boolean diagnosticBundle, String uploadedBy,
            Instant createdAt) {
        public static final String TYPE = "io.casework.case.attachment-added";
    }

    /** {@code io.casework.case.state-changed}: any state change, with the states on both sides. */
    public record StateChanged(@JsonUnwrapped CaseSummary summary, String from, String to, String changedBy,
            String reason, Instant changedAt) {
        public static final String TYPE = "io.casework.case.state-changed";
    }

    /** {@code io.casework.case.priority-changed}: by staff, always with a reason. */
    public record PriorityChanged(@JsonUnwrapped CaseSummary summary, String from, String to, String changedBy,
            String reason, Instant changedAt) {
        public static final String TYPE = "io.casework.case.priority-changed";
    }

    /** {@code io.casework.case.escalated}. */
    public record Escalated(@JsonUnwrapped CaseSummary summary, String reason, String justification,
            String escalatedBy, Instant escalatedAt) {
        public static final String TYPE = "io.casework.case.escalated";
    }

    /** {@code io.casework.case.de-escalated}: staff ended an escalation. */
    public record DeEscalated(@JsonUnwrapped CaseSummary summary, String reason, String deEscalatedBy,
            Instant deEscalatedAt) {
        public static final String TYPE = "io.casework.case.de-escalated";
    }

    /** {@code io.casework.case.assigned}. */
    public record Assigned(@JsonUnwrapped CaseSummary summary, String previousAssignee, String assignedBy,
            Instant assignedAt) {
        public static final String TYPE = "io.casework.case.assigned";
    }

    /** {@code io.casework.case.resolved}: a solution was provided, with its resolution code. */
    public record Resolved(@JsonUnwrapped CaseSummary summary, String resolutionCode, String note,
            String resolvedBy, Instant resolvedAt) {
        public static final String TYPE = "io.casework.case.resolved";
    }

    /** {@code io.casework.case.closed}: by the customer, staff, or automatically. */
    public record Closed(@JsonUnwrapped CaseSummary summary, String closedBy, boolean automatic, Instant closedAt,
            String surveyPath) {
        public static final String TYPE = "io.casework.case.closed";
    }

    /** {@code io.casework.case.reopened}: a customer commented within the reopen window. */
    public record Reopened(@JsonUnwrapped CaseSummary summary, int reopenCount, String reopenedBy,
            Instant reopenedAt) {
        public static final String TYPE = "io.casework.case.reopened";
    }

    /** {@code io.casework.case.survey-answered}. */
    public record SurveyAnswered(@JsonUnwrapped CaseSummary summary, int rating, String comment, String answeredBy,
            Instant answeredAt) {
        public static final String TYPE = "io.casework.case.survey-answered";
    }
}
