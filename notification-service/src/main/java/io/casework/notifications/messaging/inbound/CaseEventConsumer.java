package io.casework.notifications.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter: turns Kafka records of {@code casework.case-events} into CloudEvents for the handler.
 * A failed attempt (SMTP or database unavailable) is retried with exponential backoff, each time in a new
 * transaction; after that the record goes to the dead-letter topic rather than being dropped.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final CaseEventHandler handler;

    CaseEventConsumer(CaseEventHandler handler) {
        this.handler = handler;
    }

    /**
     * One record at a time, in partition order, so a case's mails go out in the order of its events (and a
     * burst cannot take more database connections than the pool holds). Retries hold up the records behind,
     * which keep their order; an SMTP outage stops every mail anyway.
     */
    @Incoming("case-events")
    @Blocking(ordered = true)
    // About 3 minutes of retries (1 s doubling to 1 min); keep maxDuration below the channel's
    // throttled.unprocessed-record-max-age.ms, or the connector reports the waiting record as stuck.
    @Retry(maxRetries = 8, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 5, durationUnit = ChronoUnit.MINUTES, abortOn = MalformedEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void consume(String record) {
        handler.handle(parse(record));
    }

    private CloudEvent parse(String record) {
        if (record == null) {
            throw new MalformedEventException("Empty record on casework.case-events");
        }
        try {
            return format.deserialize(record.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Not a JSON CloudEvent on casework.case-events", e);
        }
    }
}
