package io.casework.sla.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.casework.testsupport.EventTap;
import io.casework.testsupport.KafkaServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The trace goes on through sla-service: a case event that arrives with a traceparent is consumed in a child span,
 * and the SLA events that its handling writes to the outbox leave as children of that consumer span.
 */
@QuarkusTest
class SlaTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void eventsCausedByATracedCaseEventContinueItsTrace() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String upstreamSpan = HexFormat.of().formatHex(randomBytes(8));
        String caseId = UUID.randomUUID().toString();
        send(CaseEvents.opened(caseId, "acme", "P2", Instant.now()), caseId, "00-" + traceId + "-" + upstreamSpan + "-01");

        ConsumerRecord<String, String> started = EventTap.await("casework.sla-events", r -> caseId.equals(r.key()),
                Duration.ofSeconds(30));
        String traceparent = new String(started.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), "same trace: " + traceparent);
        assertNotEquals("00-" + traceId + "-" + upstreamSpan + "-01", traceparent, "a span of sla-service's own");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId)
                        && s.getParentSpanId().equals(upstreamSpan)), "consumer span, child of the upstream producer"));
        String producerSpan = traceparent.split("-")[2];
        assertEquals(SpanKind.PRODUCER, spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(producerSpan)).findFirst().orElseThrow().getKind());
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero (an invalid id)
        return bytes;
    }

    private static void send(String value, String key, String traceparent) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(CaseEvents.TOPIC, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
