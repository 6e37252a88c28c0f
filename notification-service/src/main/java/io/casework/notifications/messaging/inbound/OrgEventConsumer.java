package io.casework.notifications.messaging.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.casework.messaging.inbox.InboundBatch;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter: each poll of {@code casework.org-events} to the handler as one batch ({@link InboundBatch}: one transaction,
 * each event id once, partition order kept, a failing record retried alone and then dead-lettered). Ordered blocking:
 * one batch at a time, so a key's events never overtake each other and a backlog cannot take more database
 * connections than the pool holds.
 */
@ApplicationScoped
public class OrgEventConsumer {

    private final InboundBatch batches;
    private final OrgEventHandler handler;

    OrgEventConsumer(InboundBatch batches, OrgEventHandler handler) {
        this.batches = batches;
        this.handler = handler;
    }

    @Incoming("org-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        batches.apply(records, OrgEventHandler.HANDLED::contains, handler::handle);
    }
}
