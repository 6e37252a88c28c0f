package io.casework.cases.messaging.inbound;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter: turns Kafka records of {@code casework.sla-events} into CloudEvents for the handler. */
@ApplicationScoped
public class SlaEventConsumer {

    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final SlaEventHandler handler;

    SlaEventConsumer(SlaEventHandler handler) {
        this.handler = handler;
    }

    /** One record at a time, in partition order: a case's events must not overtake each other. */
    @Incoming("sla-events")
    @Blocking(ordered = true)
    public void consume(String record) {
        CloudEvent event = format.deserialize(record.getBytes(StandardCharsets.UTF_8));
        handler.handle(event);
    }
}
