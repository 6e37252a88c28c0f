package io.casework.status.messaging.inbound;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter: turns Kafka records of {@code casework.case-events} into CloudEvents for the handler. */
@ApplicationScoped
public class CaseEventConsumer {

    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final CaseEventHandler handler;

    CaseEventConsumer(CaseEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("case-events")
    @RunOnVirtualThread
    public void consume(String record) {
        CloudEvent event = format.deserialize(record.getBytes(StandardCharsets.UTF_8));
        handler.handle(event);
    }
}
