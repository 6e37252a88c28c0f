package io.casework.notifications.messaging.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.casework.messaging.inbox.InboundBatch;
import io.casework.notifications.domain.WebhookEventTypes;
import io.casework.notifications.service.WebhookFanOut;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter: each poll of {@code casework.case-events} as one batch ({@link InboundBatch}: one transaction,
 * each event id once, partition order kept, a failing record retried alone and then dead-lettered). For each event,
 * in that transaction: the partner webhooks' deliveries (the record as received) and the mails, both queued, sent
 * after commit by WebhookSender and MailSender. Nothing here waits for SMTP or a partner's endpoint.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private final InboundBatch batches;
    private final CaseEventHandler handler;
    private final WebhookFanOut webhooks;

    CaseEventConsumer(InboundBatch batches, CaseEventHandler handler, WebhookFanOut webhooks) {
        this.batches = batches;
        this.handler = handler;
        this.webhooks = webhooks;
    }

    @Incoming("case-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        batches.applyRecords(records,
                type -> CaseEventHandler.HANDLED.contains(type) || WebhookEventTypes.CASE_EVENTS.contains(type),
                (event, record) -> {
                    webhooks.enqueue(event, record.value());
                    if (CaseEventHandler.HANDLED.contains(event.getType())) {
                        handler.handle(event);
                    }
                });
    }
}
