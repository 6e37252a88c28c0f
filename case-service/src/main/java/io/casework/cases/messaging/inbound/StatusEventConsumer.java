package io.casework.cases.messaging.inbound;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter: turns Kafka records of {@code casework.status-events} into CloudEvents for the handler. */
@ApplicationScoped
public class StatusEventConsumer {

    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final StatusEventHandler handler;

    StatusEventConsumer(StatusEventHandler handler) {
        this.handler = handler;
    }

    /** One record at a time, in partition order: a subscription and its removal must not overtake each other. */
    @Incoming("status-events")
    @Blocking(ordered = true)
    public void consume(String record) {
        handler.handle(format.deserialize(record.getBytes(StandardCharsets.UTF_8)));
    }
}
