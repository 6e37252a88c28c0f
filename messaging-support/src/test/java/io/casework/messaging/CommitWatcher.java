package io.casework.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.casework.messaging.outbox.OutboxRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Collects the events that observers are told about after commit, as business metrics hear of them. */
@ApplicationScoped
public class CommitWatcher {

    private final List<OutboxRecorded.Recorded> committed = Collections.synchronizedList(new ArrayList<>());

    List<OutboxRecorded.Recorded> committed() {
        return List.copyOf(committed);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        committed.addAll(recorded.events());
    }
}
