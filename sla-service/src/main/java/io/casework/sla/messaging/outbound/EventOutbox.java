package io.casework.sla.messaging.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.sla.observability.SlaMetrics;
import io.casework.sla.observability.TraceContext;
import io.casework.sla.persistence.OutboxRepository;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Records events as CloudEvents in the outbox, inside the caller's transaction: an event exists if and only if
 * the change that caused it was committed. {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class EventOutbox {

    static final URI SOURCE = URI.create("/casework/sla-service");

    private final ObjectMapper json;
    private final OutboxRepository outbox;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final Event<OutboxRecorded> recorded;
    private final SlaMetrics metrics;

    EventOutbox(ObjectMapper json, OutboxRepository outbox, Event<OutboxRecorded> recorded, SlaMetrics metrics) {
        this.json = json;
        this.outbox = outbox;
        this.recorded = recorded;
        this.metrics = metrics;
    }

    /** Signal fired after a transaction that wrote outbox rows commits. */
    public record OutboxRecorded() {
    }

    /** An event to record: its type, the aggregate it belongs to (the Kafka key) and its data. */
    public record Outgoing(String type, String aggregateId, Object data) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, String aggregateId, Object data) {
        return recordAll(List.of(new Outgoing(type, aggregateId, data))).getFirst();
    }

    /** Records the events in this order (their outbox sequence, hence their publishing order) with one insert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Outgoing> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        String traceparent = TraceContext.currentTraceparent();
        String requestId = TraceContext.currentRequestId();
        List<OutboxRepository.NewRow> rows = new ArrayList<>(events.size());
        for (Outgoing event : events) {
            UUID id = UUID.randomUUID();
            rows.add(new OutboxRepository.NewRow(id, event.aggregateId(), event.type(), serialize(id, event, now),
                    traceparent, requestId));
        }
        outbox.insertAll(rows, now);
        recorded.fire(new OutboxRecorded());
        metrics.recorded(events);
        return rows.stream().map(OutboxRepository.NewRow::id).toList();
    }

    private String serialize(UUID id, Outgoing event, Instant now) {
        try {
            CloudEvent cloudEvent = CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withSource(SOURCE)
                    .withType(event.type())
                    .withSubject(event.aggregateId())
                    .withTime(now.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(event.data()))
                    .build();
            return new String(format.serialize(cloudEvent), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + event.type(), e);
        }
    }
}
