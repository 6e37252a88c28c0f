package io.casework.status.messaging.inbound;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.status.messaging.event.CaseOpened;
import io.casework.status.service.CaseRateService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Counts opened cases per product and hour (and checks for spikes), each event id once (the processed-message log
 * is in the same transaction). Test (sandbox) cases are not counted.
 */
@ApplicationScoped
public class CaseEventHandler {

    /** Only openings count; other case events have no effect here, so there is nothing to deduplicate or log. */
    public static final Set<String> HANDLED = Set.of(CaseOpened.TYPE);

    private final CaseRateService caseRates;
    private final ObjectMapper json;

    CaseEventHandler(CaseRateService caseRates, ObjectMapper json) {
        this.caseRates = caseRates;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        CaseOpened opened = read(event, CaseOpened.class);
        if (opened.product() == null || opened.product().isBlank() || opened.createdAt() == null) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId()
                    + ": product and createdAt are required");
        }
        if (Boolean.TRUE.equals(opened.testCase())) {
            // A test (sandbox) case counts nowhere: not in the case rate, so it can flag no spike, and it does not make
            // its organization a user of the product (banner).
            return;
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
