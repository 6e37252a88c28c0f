package io.casework.messaging.observability;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Carries a request's trace across the outbox: the W3C {@code traceparent} of the span that wrote an outbox row is
 * stored with it, and the relay, which publishes later on a thread of its own, sends the record as a child of that
 * span. SmallRye's Kafka tracing then writes the producer span into the record's {@code traceparent} header, where
 * consumers continue the trace. Nothing is stored when tracing is off ({@code quarkus.otel.sdk.disabled}).
 */
public final class TraceContext {

    /** The Kafka header that carries the request id of the REST call that caused an event. */
    public static final String REQUEST_ID_HEADER = "x-request-id";
    private static final String MDC_REQUEST_ID = "request-id";
    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The current span as a W3C traceparent, or null when no span is being recorded. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The request id of the REST call being served (RequestIdFilter), or null outside one. */
    public static String currentRequestId() {
        Object id = MDC.get(MDC_REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /**
     * Makes a consumer span current while a record is handled, as a child of the producer span named by the record's
     * {@code traceparent} header, so that the events its handling records continue that trace. A batch is polled and
     * committed as a whole, but each of its records keeps its own trace. Nothing happens for a record without one.
     */
    public static Scope consuming(Tracer tracer, ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        if (header == null) {
            return Scope.noop();
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, new String(header.value(), StandardCharsets.UTF_8)), GETTER);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Scope.noop();
        }
        Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        Scope current = span.makeCurrent();
        return () -> {
            current.close();
            span.end();
        };
    }

    /** The message, to be sent as a child of {@code traceparent} when there is one. */
    public static <T> Message<T> childOf(Message<T> message, String traceparent) {
        if (traceparent == null) {
            return message;
        }
        Context parent = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
        return message.addMetadata(TracingMetadata.withCurrent(parent));
    }
}
