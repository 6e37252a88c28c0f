package io.casework.sla.messaging.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The case events sla-service reads after {@code case.opened}, as far as it reads them (tolerant readers). */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** {@code io.casework.case.comment-added}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommentAdded(UUID caseId, String authorKind, String visibility, boolean firstResponse,
            Instant createdAt) {
        public static final String TYPE = "io.casework.case.comment-added";
    }

    /** {@code io.casework.case.state-changed}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StateChanged(UUID caseId, String from, String to, Instant changedAt) {
        public static final String TYPE = "io.casework.case.state-changed";
    }

    /** {@code io.casework.case.priority-changed}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PriorityChanged(UUID caseId, String from, String to, Instant changedAt) {
        public static final String TYPE = "io.casework.case.priority-changed";
    }
}
