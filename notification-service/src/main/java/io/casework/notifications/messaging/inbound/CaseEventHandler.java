package io.casework.notifications.messaging.inbound;

import java.io.IOException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.notifications.messaging.event.CaseOpened;
import io.casework.notifications.persistence.ProcessedMessage;
import io.casework.notifications.service.NotificationService;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Turns case events into notifications, each event id once: the processed-message log is written in the
 * same transaction, and each recipient's delivery row keeps a retried event from mailing anyone twice.
 */
@ApplicationScoped
public class CaseEventHandler {

    private static final Logger LOG = Logger.getLogger(CaseEventHandler.class);

    private final NotificationService notifications;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    CaseEventHandler(NotificationService notifications, ObjectMapper json, MeterRegistry metrics) {
        this.notifications = notifications;
        this.json = json;
        this.metrics = metrics;
    }

    @Transactional
    public void handle(CloudEvent event) {
        if (!CaseOpened.TYPE.equals(event.getType())) {
            return; // other case events do not cause mail (yet), so there is nothing to record
        }
        if (!ProcessedMessage.markProcessed(event.getId(), event.getType())) {
            LOG.debugf("Skipping duplicate event %s", event.getId());
            metrics.counter("casework.inbound.duplicates", "type", event.getType()).increment();
            return;
        }
        CaseOpened opened = read(event, CaseOpened.class);
        if (opened.caseId() == null || opened.number() == null || opened.contactEmail() == null
                || opened.contactEmail().isBlank()) {
            throw new MalformedEventException(event.getType() + " event " + event.getId()
                    + " lacks caseId, number or contactEmail");
        }
        notifications.caseOpened(event.getId(), opened);
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new MalformedEventException(event.getType() + " event " + event.getId() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new MalformedEventException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
