package io.casework.notifications.messaging.inbound;

import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.casework.notifications.service.DeadLetterService;
import io.casework.notifications.service.MailDeliveryException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter: Kafka records of {@code casework.org-events} to the handler, one at a time in partition
 * order (an organization's changes apply in the order they happened). A failed attempt (SMTP or database
 * unavailable) is retried with backoff. When a contract mail still fails after that, the event is parked as a
 * dead letter for ops to retry; a malformed event, or one that still fails otherwise, goes to the dead-letter topic.
 */
@ApplicationScoped
public class OrgEventConsumer {

    static final String TOPIC = "casework.org-events";

    private final OrgEventHandler handler;
    private final DeadLetterService deadLetters;

    OrgEventConsumer(OrgEventHandler handler, DeadLetterService deadLetters) {
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @Incoming("org-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 5, durationUnit = ChronoUnit.MINUTES, abortOn = MalformedEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @Fallback(fallbackMethod = "park", applyOn = MailDeliveryException.class)
    public void consume(String record) {
        handler.handle(InboundRecords.parse(record, TOPIC));
    }

    void park(String record) {
        deadLetters.park(InboundRecords.parse(record, TOPIC), record);
    }
}
