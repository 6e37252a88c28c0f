package io.casework.cases.messaging.inbound;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.cases.messaging.event.KnownIssueSubscription;
import io.casework.cases.service.KnownIssueCases;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies "Me too" subscriptions to cases, in the transaction of their batch (StatusEventConsumer: each event id once). */
@ApplicationScoped
public class StatusEventHandler {

    /** "Me too" subscriptions; other status events are not case-service's concern (and get no inbox row). */
    public static final Set<String> HANDLED = Set.of(KnownIssueSubscription.ADDED, KnownIssueSubscription.REMOVED);

    private final KnownIssueCases knownIssues;
    private final ObjectMapper json;

    StatusEventHandler(KnownIssueCases knownIssues, ObjectMapper json) {
        this.knownIssues = knownIssues;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        KnownIssueSubscription data;
        try {
            data = json.readValue(event.getData().toBytes(), KnownIssueSubscription.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
        if (KnownIssueSubscription.ADDED.equals(event.getType())) {
            knownIssues.subscribed(data);
        } else {
            knownIssues.unsubscribed(data);
        }
    }
}
