package io.casework.notifications.messaging.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.notifications.observability.TraceContext;
import io.casework.notifications.persistence.OutboxEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Records an event as a CloudEvent in the outbox, inside the caller's transaction: the event exists if
 * and only if the change that caused it was committed. {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class EventOutbox {

    static final URI SOURCE = URI.create("/casework/notification-service");

    private final ObjectMapper json;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final Event<OutboxRecorded> recorded;

    EventOutbox(ObjectMapper json, Event<OutboxRecorded> recorded) {
        this.json = json;
        this.recorded = recorded;
    }

    /** Signal fired after a transaction that wrote outbox rows commits. */
    public record OutboxRecorded() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, String aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withSource(SOURCE)
                    .withType(type)
                    .withSubject(aggregateId)
                    .withTime(now.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data))
                    .build();
            OutboxEvent row = new OutboxEvent();
            row.id = id;
            row.aggregateId = aggregateId;
            row.type = type;
            row.payload = new String(format.serialize(event), StandardCharsets.UTF_8);
            row.createdAt = now;
            row.traceparent = TraceContext.currentTraceparent();
            row.requestId = TraceContext.currentRequestId();
            row.persist();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type, e);
        }
        recorded.fire(new OutboxRecorded());
        return id;
    }
}
