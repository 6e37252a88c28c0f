package io.casework.cases.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The example consumer of docs/events.md: what an ops dashboard needs to read Casework's events, a plain Kafka
 * client and the CloudEvents SDK (cloudevents-kafka), nothing of Casework's code. Its own consumer group, read from
 * the beginning, CloudEvents decoded from the structured-mode records; with an OpenTelemetry instance, each record
 * is handled in a consumer span that continues the producer's trace from the {@code traceparent} header.
 */
public final class OpsEventConsumer implements AutoCloseable {

    /** One event as received: the record's key and headers, and the decoded CloudEvent. */
    public record Received(String topic, String key, Headers headers, CloudEvent event, Span span) {

        public String header(String name) {
            Header header = headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final OpenTelemetry telemetry;

    public OpsEventConsumer(String bootstrapServers, String groupId, List<String> topics, OpenTelemetry telemetry) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Reads the content-type header: structured mode (application/cloudevents+json) as Casework sends it.
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        this.consumer.subscribe(topics);
        this.telemetry = telemetry;
    }

    /** Polls until {@code count} events match or {@code timeout} passes; returns the matching ones. */
    public List<Received> await(Predicate<Received> match, int count, Duration timeout) {
        List<Received> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                Received received = handle(record);
                if (match.test(received)) {
                    found.add(received);
                }
            }
        }
        return found;
    }

    private Received handle(ConsumerRecord<String, CloudEvent> record) {
        if (telemetry == null) {
            return new Received(record.topic(), record.key(), record.headers(), record.value(), Span.getInvalid());
        }
        Context producer = telemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), record.headers(), HEADERS);
        Span span = telemetry.getTracer("casework-ops-consumer")
                .spanBuilder(record.topic() + " process")
                .setParent(producer)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("cloudevents.event_type", record.value().getType())
                .startSpan();
        span.end(); // a dashboard would update its panels here
        return new Received(record.topic(), record.key(), record.headers(), record.value(), span);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
