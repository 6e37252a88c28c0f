package io.casework.sla.messaging.inbound;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter: turns Kafka records of {@code casework.org-events} into CloudEvents for the handler. */
@ApplicationScoped
public class OrgEventConsumer {

    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final OrgEventHandler handler;

    OrgEventConsumer(OrgEventHandler handler) {
        this.handler = handler;
    }

    /** Ordered, as for case events: an organization's plan change must not overtake its creation. */
    @Incoming("org-events")
    @Blocking(ordered = true)
    public void consume(String record) {
        CloudEvent event = format.deserialize(record.getBytes(StandardCharsets.UTF_8));
        handler.handle(event);
    }
}
