package io.casework.status.messaging.inbound;

import java.io.IOException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.status.messaging.event.CaseOpened;
import io.casework.status.persistence.ProcessedMessage;
import io.casework.status.service.CaseRateService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Counts opened cases per product and hour (and checks for spikes), each event id once (the processed-message log
 * is in the same transaction).
 */
@ApplicationScoped
public class CaseEventHandler {

    private static final Logger LOG = Logger.getLogger(CaseEventHandler.class);

    private final CaseRateService caseRates;
    private final ObjectMapper json;

    CaseEventHandler(CaseRateService caseRates, ObjectMapper json) {
        this.caseRates = caseRates;
        this.json = json;
    }

    @Transactional
    public void handle(CloudEvent event) {
        if (!CaseOpened.TYPE.equals(event.getType())) {
            // Other case events have no effect here, so there is nothing to deduplicate or log.
            return;
        }
        if (!ProcessedMessage.markProcessed(event.getId(), event.getType())) {
            LOG.debugf("Skipping duplicate event %s", event.getId());
            return;
        }
        CaseOpened opened = read(event, CaseOpened.class);
        if (opened.product() == null || opened.product().isBlank() || opened.createdAt() == null) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId()
                    + ": product and createdAt are required");
        }
        caseRates.countCaseOpened(opened.organization(), opened.product(), opened.createdAt());
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
