package io.casework.status.messaging.inbound;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter: turns Kafka records of {@code casework.case-events} into CloudEvents for the handler. */
@ApplicationScoped
public class CaseEventConsumer {

    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final CaseEventHandler handler;

    CaseEventConsumer(CaseEventHandler handler) {
        this.handler = handler;
    }

    /**
     * Ordered blocking rather than {@code @RunOnVirtualThread}: on virtual threads every record runs concurrently, so
     * the backlog after a broker outage took more database connections than the pool holds and a redelivered record
     * raced its original; both sent events to the dead-letter topic (deploy/faults/run kafka).
     */
    @Incoming("case-events")
    @Blocking(ordered = true)
    public void consume(String record) {
        CloudEvent event = format.deserialize(record.getBytes(StandardCharsets.UTF_8));
        handler.handle(event);
    }
}
