package io.casework.notifications.messaging.inbound;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/** Kafka record values (structured-mode JSON CloudEvents) as CloudEvents. */
public final class InboundRecords {

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private InboundRecords() {
    }

    public static CloudEvent parse(String record, String topic) {
        if (record == null) {
            throw new MalformedEventException("Empty record on " + topic);
        }
        try {
            return FORMAT.deserialize(record.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Not a JSON CloudEvent on " + topic, e);
        }
    }
}
