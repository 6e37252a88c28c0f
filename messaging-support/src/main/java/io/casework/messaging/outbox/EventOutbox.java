package io.casework.messaging.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.messaging.observability.TraceContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Records events as CloudEvents (JSON, structured mode) in the outbox, inside the caller's transaction: an event exists
 * if and only if the change that caused it was committed. {@link OutboxRelay} publishes it after commit, keyed by
 * aggregate id, to the topic that {@code casework.outbox.topics} maps its type to. The source is
 * {@code /casework/<quarkus.application.name>}.
 */
@ApplicationScoped
public class EventOutbox {

    private final ObjectMapper json;
    private final OutboxRepository outbox;
    private final OutboxTopics topics;
    private final OutboxConfig config;
    private final Event<OutboxRecorded> recorded;
    private final URI source;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    EventOutbox(ObjectMapper json, OutboxRepository outbox, OutboxTopics topics, OutboxConfig config,
            Event<OutboxRecorded> recorded, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.outbox = outbox;
        this.topics = topics;
        this.config = config;
        this.recorded = recorded;
        this.source = URI.create("/casework/" + application);
    }

    /** An event to record: its type, the aggregate it belongs to (the Kafka key) and its data (serialised as JSON). */
    public record Outgoing(String type, String aggregateId, Object data) {
    }

    /** Records one event; returns its CloudEvent id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, String aggregateId, Object data) {
        return recordAll(List.of(new Outgoing(type, aggregateId, data))).getFirst();
    }

    /**
     * Records the events in this order (their outbox sequence, hence their publishing order) with one insert; returns
     * their CloudEvent ids in the same order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Outgoing> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        String traceparent = TraceContext.currentTraceparent();
        String requestId = TraceContext.currentRequestId();
        List<OutboxRepository.NewRow> rows = new ArrayList<>(events.size());
        List<OutboxRecorded.Recorded> done = new ArrayList<>(events.size());
        for (Outgoing event : events) {
            topics.topicOf(event.type()); // fails now, not in the relay, for a type without a topic
            UUID id = UUID.randomUUID();
            rows.add(new OutboxRepository.NewRow(id, event.aggregateId(), event.type(), serialize(id, event, now),
                    traceparent, requestId));
            done.add(new OutboxRecorded.Recorded(id.toString(), event.type(), event.aggregateId(), event.data()));
        }
        if (config.orderedCommits()) {
            outbox.lockAppends();
        }
        outbox.insertAll(rows, now);
        recorded.fire(new OutboxRecorded(List.copyOf(done)));
        return rows.stream().map(OutboxRepository.NewRow::id).toList();
    }

    private String serialize(UUID id, Outgoing event, Instant now) {
        try {
            CloudEvent cloudEvent = CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withSource(source)
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
