package io.casework.messaging.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/** Kafka record values (structured-mode JSON CloudEvents) as CloudEvents, and their data as the consumer's records. */
public final class CloudEventRecords {

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private CloudEventRecords() {
    }

    /** The CloudEvent in a record's value; {@link MalformedEventException} when it is none. */
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

    /** The event's data read as {@code type} (a tolerant reader: unknown fields are the reader's choice); malformed when absent or unreadable. */
    public static <T> T data(CloudEvent event, Class<T> type, ObjectMapper json) {
        if (event.getData() == null) {
            throw new MalformedEventException(event.getType() + " event " + event.getId() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new MalformedEventException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
