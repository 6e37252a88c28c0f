package io.casework.status.rest.stream;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.casework.messaging.outbox.OutboxEvent;
import io.casework.messaging.outbox.OutboxRecorded;
import io.casework.messaging.outbox.OutboxRepository;
import io.casework.status.domain.Audience;
import io.casework.status.domain.Visibility;
import io.casework.status.messaging.event.IncidentPublished;
import io.casework.status.messaging.event.IncidentUpdated;
import io.casework.status.messaging.event.PostmortemPublished;
import io.casework.status.messaging.event.SpikeDetected;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The live stream of status events for ops dashboards. The outbox is its log: an event's id on the stream is its
 * outbox seq, and rows commit in seq order, so a client that reconnects with Last-Event-ID gets exactly what it
 * missed. One pump sends to every listener, in order; it wakes after each local commit and on a timer (changes
 * made through other instances).
 */
@ApplicationScoped
public class StatusStream {

    private static final Logger LOG = Logger.getLogger(StatusStream.class);
    /** Subscription events carry personal data and never go on the stream. */
    static final Set<String> TYPES = Set.of(IncidentPublished.TYPE, IncidentUpdated.TYPE, PostmortemPublished.TYPE,
            SpikeDetected.TYPE);
    private static final int BATCH = 500;

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService pump = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("status-stream").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private int ticks;

    StatusStream(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    private static final class Listener {
        final SseEventSink sink;
        final Sse sse;
        final Audience audience;
        volatile long cursor;

        Listener(SseEventSink sink, Sse sse, Audience audience, long cursor) {
            this.sink = sink;
            this.sse = sse;
            this.audience = audience;
            this.cursor = cursor;
        }
    }

    /** Starts sending to {@code sink}: after {@code lastEventId} when it resumes, else from now on. */
    public void listen(SseEventSink sink, Sse sse, Audience audience, Long lastEventId) {
        long cursor = lastEventId != null ? lastEventId : QuarkusTransaction.requiringNew().call(outbox::latestSeq);
        listeners.add(new Listener(sink, sse, audience, cursor));
        // Tell the client it is connected (and where it is) before anything happens.
        sink.send(sse.newEventBuilder().comment("connected").reconnectDelay(3000).build());
        wakeUp();
    }

    public int listeners() {
        return listeners.size();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        wakeUp();
    }

    @Scheduled(every = "${casework.board.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        if (listeners.isEmpty()) {
            return;
        }
        // A comment now and then keeps idle connections open through proxies, and finds the clients gone.
        if (++ticks % 15 == 0) {
            listeners.forEach(l -> send(l, l.sse.newEventBuilder().comment("keep-alive").build()));
        }
        wakeUp();
    }

    private void wakeUp() {
        // Coalesce: a burst of commits needs one more pass, not one each.
        if (wakeUpPending.compareAndSet(false, true)) {
            pump.execute(() -> {
                wakeUpPending.set(false);
                try {
                    deliver();
                } catch (RuntimeException e) {
                    LOG.warnf("Status stream delivery failed, will retry: %s", e.getMessage());
                }
            });
        }
    }

    private void deliver() {
        listeners.removeIf(l -> l.sink.isClosed());
        if (listeners.isEmpty()) {
            return;
        }
        while (true) {
            long from = listeners.stream().mapToLong(l -> l.cursor).min().orElseThrow();
            List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() -> outbox.after(from, TYPES, BATCH));
            for (OutboxEvent row : rows) {
                JsonNode event = read(row);
                for (Listener listener : listeners) {
                    if (row.seq > listener.cursor) {
                        if (visible(event, listener.audience)) {
                            send(listener, outbound(listener.sse, row, event, listener.audience));
                        }
                        listener.cursor = row.seq;
                    }
                }
            }
            if (rows.size() < BATCH) {
                return;
            }
        }
    }

    private static boolean visible(JsonNode event, Audience audience) {
        if (SpikeDetected.TYPE.equals(event.path("type").asText())) {
            return audience.seesDrafts();
        }
        String visibility = event.path("data").path("visibility").asText(Visibility.PUBLIC.name());
        return audience.sees(Visibility.valueOf(visibility));
    }

    private OutboundSseEvent outbound(Sse sse, OutboxEvent row, JsonNode event, Audience audience) {
        ObjectNode data = event.path("data").deepCopy();
        if (!audience.seesDrafts()) {
            data.remove("author"); // staff addresses stay internal, as on the status page
        }
        String type = event.path("type").asText();
        return sse.newEventBuilder()
                .id(Long.toString(row.seq))
                .name(type.substring(type.lastIndexOf('.') + 1))
                .data(data.toString())
                .build();
    }

    private static void send(Listener listener, OutboundSseEvent event) {
        if (!listener.sink.isClosed()) {
            listener.sink.send(event).exceptionally(e -> {
                closeQuietly(listener.sink);
                return null;
            });
        }
    }

    private JsonNode read(OutboxEvent row) {
        try {
            return json.readTree(row.payload);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable outbox row " + row.seq, e);
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing a stream failed: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        pump.shutdown();
        listeners.forEach(l -> closeQuietly(l.sink));
    }
}
