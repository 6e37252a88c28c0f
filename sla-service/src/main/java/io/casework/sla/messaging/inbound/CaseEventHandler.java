package io.casework.sla.messaging.inbound;

import java.io.IOException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.sla.messaging.event.CaseOpened;
import io.casework.sla.persistence.ProcessedMessage;
import io.casework.sla.service.ClockService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies case events to SLA clocks, each event id once (the processed-message log is in the same transaction). */
@ApplicationScoped
public class CaseEventHandler {

    private static final Logger LOG = Logger.getLogger(CaseEventHandler.class);

    private final ClockService clocks;
    private final ObjectMapper json;

    CaseEventHandler(ClockService clocks, ObjectMapper json) {
        this.clocks = clocks;
        this.json = json;
    }

    @Transactional
    public void handle(CloudEvent event) {
        // Other case events are not sla-service's concern (yet); they are not worth a row in the log.
        if (!CaseOpened.TYPE.equals(event.getType())) {
            return;
        }
        if (!ProcessedMessage.markProcessed(event.getId(), event.getType())) {
            LOG.debugf("Skipping duplicate event %s", event.getId());
            return;
        }
        CaseOpened opened = read(event, CaseOpened.class);
        if (opened.caseId() == null || opened.organization() == null || opened.priority() == null
                || opened.createdAt() == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " lacks caseId, organization, priority or createdAt");
        }
        clocks.startFirstResponse(opened.caseId(), opened.organization(), opened.priority(), opened.createdAt());
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
