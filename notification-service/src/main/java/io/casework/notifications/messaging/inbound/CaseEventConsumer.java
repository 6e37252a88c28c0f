package io.casework.notifications.messaging.inbound;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.service.DeadLetterService;
import io.casework.notifications.service.MailDeliveryException;
import io.casework.notifications.service.WebhookFanOut;
import io.cloudevents.CloudEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter: turns Kafka records of {@code casework.case-events} into CloudEvents for partner webhooks
 * and for the mail handler.
 * A failed attempt (SMTP or database unavailable) is retried with exponential backoff, each time in a new
 * transaction. When mails still fail after that, the event is parked as a dead letter for ops to retry;
 * anything else (a malformed event, a database outage) sends the record to the dead-letter topic.
 */
@ApplicationScoped
public class CaseEventConsumer {

    static final String TOPIC = "casework.case-events";

    private final CaseEventHandler handler;
    private final WebhookFanOut webhooks;
    private final DeadLetterService deadLetters;
    private final KeyOrderedDispatcher dispatcher;

    CaseEventConsumer(CaseEventHandler handler, WebhookFanOut webhooks, DeadLetterService deadLetters,
            NotificationConfig config) {
        this.handler = handler;
        this.webhooks = webhooks;
        this.deadLetters = deadLetters;
        this.dispatcher = new KeyOrderedDispatcher("case-events", config.inboundConcurrency());
    }

    /**
     * Several cases at once, each case's events one after another in partition order (the record key is the case
     * id), so a case's mails go out in the order of its events while a slow SMTP server or a retried mail holds up
     * only its own case. At most {@code casework.notifications.inbound-concurrency} events are in progress.
     */
    @Incoming("case-events")
    public CompletionStage<Void> receive(Message<String> record) {
        return dispatcher.dispatch(record, this::consume);
    }

    // About 3 minutes of retries (1 s doubling to 1 min); keep maxDuration below the channel's
    // throttled.unprocessed-record-max-age.ms, or the connector reports the waiting record as stuck.
    @Retry(maxRetries = 8, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 5, durationUnit = ChronoUnit.MINUTES, abortOn = MalformedEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @Fallback(fallbackMethod = "park", applyOn = MailDeliveryException.class)
    public void consume(String record) {
        CloudEvent event = InboundRecords.parse(record, TOPIC);
        // First, in a transaction of its own: partner webhooks do not wait for (or get lost with) the mails.
        // A retry queues nothing twice (one delivery per webhook and event id).
        webhooks.enqueue(event, record);
        handler.handle(event);
    }

    void park(String record) {
        deadLetters.park(InboundRecords.parse(record, TOPIC), record);
    }

    @PreDestroy
    void stop() {
        dispatcher.close();
    }
}
