package io.casework.cases.messaging.inbound;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.cases.messaging.event.KnownIssueSubscription;
import io.casework.cases.persistence.ProcessedMessage;
import io.casework.cases.service.KnownIssueCases;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies "Me too" subscriptions to cases, each event id once (processed-message log in the same transaction). */
@ApplicationScoped
public class StatusEventHandler {

    private final KnownIssueCases knownIssues;
    private final ObjectMapper json;

    StatusEventHandler(KnownIssueCases knownIssues, ObjectMapper json) {
        this.knownIssues = knownIssues;
        this.json = json;
    }

    @Transactional
    public void handle(CloudEvent event) {
        boolean subscription = KnownIssueSubscription.ADDED.equals(event.getType())
                || KnownIssueSubscription.REMOVED.equals(event.getType());
        if (!subscription || !ProcessedMessage.markProcessed(event.getId(), event.getType())) {
            return;
        }
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
