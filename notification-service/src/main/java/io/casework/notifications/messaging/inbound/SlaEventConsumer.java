package io.casework.notifications.messaging.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.casework.messaging.inbox.InboundBatch;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter: each poll of {@code casework.sla-events} to the handler as one batch ({@link InboundBatch}: one transaction,
 * each event id once, partition order kept, a failing record retried alone and then dead-lettered). Ordered blocking:
 * one batch at a time, so a key's events never overtake each other and a backlog cannot take more database
 * connections than the pool holds.
 */
@ApplicationScoped
public class SlaEventConsumer {

    private final InboundBatch batches;
    private final SlaEventHandler handler;

    SlaEventConsumer(InboundBatch batches, SlaEventHandler handler) {
        this.batches = batches;
        this.handler = handler;
    }

    @Incoming("sla-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        batches.apply(records, SlaEventHandler.HANDLED::contains, handler::handle);
    }
}
