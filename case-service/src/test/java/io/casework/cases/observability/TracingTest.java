package io.casework.cases.observability;

import static io.casework.cases.CaseApi.ALICE;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.KafkaServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** One trace follows a request from REST through the outbox and Kafka into a consumer. */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OpenTelemetry telemetry;

    @Test
    void oneTraceSpansRestKafkaAndTheConsumer() {
        String requestId = "trace-" + UUID.randomUUID();
        String caseId = given().auth().oauth2(ALICE).contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .body("""
                        {"organization": "acme", "product": "Cloud Mail", "subject": "Traced",
                         "description": "One trace from REST to the consumer.", "priority": "P2"}""")
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");

        OpsEventConsumer.Received opened;
        try (OpsEventConsumer ops = new OpsEventConsumer(KafkaServer.bootstrapServers(), "ops-trace-" + UUID.randomUUID(),
                List.of("casework.case-events"), telemetry)) {
            List<OpsEventConsumer.Received> found = ops.await(
                    r -> caseId.equals(r.key()) && "io.casework.case.opened".equals(r.event().getType()), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, found.size(), "case.opened on the wire");
            opened = found.getFirst();
        }
        assertEquals(requestId, opened.header("x-request-id"), "the request id travels with the event");
        String traceparent = opened.header("traceparent");
        assertNotNull(traceparent, "the record carries the W3C trace context");

        // The REST server span, found by the request id it carries.
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER
                        && requestId.equals(s.getAttributes().get(AttributeKey.stringKey("casework.request_id"))))
                .findFirst(), Optional::isPresent).orElseThrow();
        String traceId = server.getTraceId();
        SpanData consumer = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(opened.span().getSpanContext().getSpanId())).findFirst(),
                Optional::isPresent).orElseThrow();
        Map<String, SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));

        // REST -> (outbox, relay) -> Kafka producer span -> record header -> consumer span: one trace.
        assertEquals(traceId, consumer.getTraceId());
        SpanData producer = trace.get(consumer.getParentSpanId());
        assertNotNull(producer, "the consumer's parent is a span of the request's trace");
        assertEquals(SpanKind.PRODUCER, producer.getKind());
        assertEquals("00-" + traceId + "-" + producer.getSpanId() + "-01", traceparent);
        assertTrue(ancestors(producer, trace).contains(server.getSpanId()),
                "the producer span descends from the REST server span");
    }

    private static List<String> ancestors(SpanData span, Map<String, SpanData> trace) {
        List<String> ids = new java.util.ArrayList<>();
        for (SpanData s = trace.get(span.getParentSpanId()); s != null; s = trace.get(s.getParentSpanId())) {
            ids.add(s.getSpanId());
        }
        return ids;
    }
}
