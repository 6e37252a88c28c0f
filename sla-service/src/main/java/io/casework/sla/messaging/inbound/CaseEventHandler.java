package io.casework.sla.messaging.inbound;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.sla.domain.Priority;
import io.casework.sla.messaging.event.CaseEvents;
import io.casework.sla.messaging.event.CaseOpened;
import io.casework.sla.service.ClockService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies case events to SLA clocks, each event id once (the processed-message log is in the same transaction). */
@ApplicationScoped
public class CaseEventHandler {

    /** The types that concern SLA terms and clocks; others get no inbox row. */
    public static final Set<String> HANDLED = Set.of(CaseOpened.TYPE, CaseEvents.CommentAdded.TYPE,
            CaseEvents.StateChanged.TYPE, CaseEvents.PriorityChanged.TYPE);

    private final ClockService clocks;
    private final ObjectMapper json;

    CaseEventHandler(ClockService clocks, ObjectMapper json) {
        this.clocks = clocks;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        switch (event.getType()) {
            case CaseOpened.TYPE -> {
                CaseOpened opened = read(event, CaseOpened.class);
                require(event, opened.caseId() != null && opened.organization() != null && opened.priority() != null
                        && opened.createdAt() != null, "caseId, organization, priority and createdAt");
                clocks.caseOpened(opened.caseId(), opened.organization(), opened.product(), opened.priority(),
                        opened.createdAt(), Boolean.TRUE.equals(opened.testCase()));
            }
            case CaseEvents.CommentAdded.TYPE -> {
                CaseEvents.CommentAdded comment = read(event, CaseEvents.CommentAdded.class);
                require(event, comment.caseId() != null && comment.createdAt() != null, "caseId and createdAt");
                // Only what the customer sees from support counts as a response (internal notes do not).
                if ("STAFF".equals(comment.authorKind()) && "PUBLIC".equals(comment.visibility())) {
                    clocks.staffResponded(comment.caseId(), comment.firstResponse(), comment.createdAt());
                }
            }
            case CaseEvents.StateChanged.TYPE -> {
                CaseEvents.StateChanged changed = read(event, CaseEvents.StateChanged.class);
                require(event, changed.caseId() != null && changed.to() != null && changed.changedAt() != null,
                        "caseId, to and changedAt");
                clocks.stateChanged(changed.caseId(), changed.to(), changed.changedAt());
            }
            case CaseEvents.PriorityChanged.TYPE -> {
                CaseEvents.PriorityChanged changed = read(event, CaseEvents.PriorityChanged.class);
                require(event, changed.caseId() != null && changed.to() != null && changed.changedAt() != null,
                        "caseId, to and changedAt");
                clocks.priorityChanged(changed.caseId(), Priority.parse(changed.to()), changed.changedAt());
            }
            default -> throw new IllegalStateException("Unhandled " + event.getType());
        }
    }

    private static void require(CloudEvent event, boolean present, String fields) {
        if (!present) {
            throw new IllegalArgumentException("Event " + event.getId() + " of type " + event.getType() + " lacks " + fields);
        }
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " of type " + event.getType() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
