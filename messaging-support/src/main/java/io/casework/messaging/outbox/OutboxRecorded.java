package io.casework.messaging.outbox;

import java.util.List;

/**
 * CDI event fired by {@link EventOutbox} for the events it recorded in the current transaction. Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act once they are committed: the relay and
 * status-service's stream wake up, business metrics count.
 */
public record OutboxRecorded(List<Recorded> events) {

    /** One event as recorded: its CloudEvent id, type, Kafka key and the data object that was serialised. */
    public record Recorded(String id, String type, String aggregateId, Object data) {
    }
}
