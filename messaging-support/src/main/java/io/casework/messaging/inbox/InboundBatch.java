package io.casework.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.casework.messaging.observability.TraceContext;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies a Kafka poll's records (batch consumption, {@code mp.messaging.incoming.<channel>.batch=true}) in one
 * transaction: the inbox rows of the new events ({@link Inbox#firstTimeAll}), their state changes and the outbox rows
 * they cause commit together, so PostgreSQL and the JVM pay for one transaction per poll, not one per event.
 * <p>
 * Records are applied in the order of their keys, and a key's records in partition order (a stable sort). A batch holds
 * the row locks of its keys until it commits, so two batches that meet the same aggregates (the case-events and the
 * sla-events consumers of one service upserting the same case's row, or two instances of a service) must take them in
 * one global order, or they deadlock: in partition order they did, every few seconds under load, and each deadlock cost
 * a second of waiting and the batch applied again one event at a time. Kafka gives no order across keys (topics have
 * several partitions), so the sort changes no promise. A batch that still fails for a transient reason (deadlock,
 * serialization failure, lock timeout: SQLSTATE 40P01, 40001, 55P03) is applied again whole, at most
 * {@value #TRANSIENT_BATCH_ATTEMPTS} times in all.
 * <p>
 * A record that is not a CloudEvent goes to the dead-letter topic at once. When the batch's transaction fails otherwise,
 * nothing of it is kept, and its events are applied again one per transaction, in order: each is retried alone with backoff
 * (casework.inbox.retry.*) and, if it still fails (or is malformed), goes to the dead-letter topic while the others
 * are applied once each, none lost and none repeated. Dead letters are sent on the {@value #DEAD_LETTERS} channel
 * with the headers of SmallRye's dead-letter queue ({@code dead-letter-reason}, {@code dead-letter-topic}, ...).
 */
@ApplicationScoped
public class InboundBatch {

    /** The outgoing channel of dead letters every consuming service configures (its topic: casework.&lt;service&gt;.dlq). */
    public static final String DEAD_LETTERS = "dead-letters";

    /** Attempts of a whole batch that fails for a transient reason before its events are applied one at a time. */
    static final int TRANSIENT_BATCH_ATTEMPTS = 3;

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40P01", "40001", "55P03");
    private static final Comparator<Parsed> BY_KEY = Comparator.comparing(parsed -> parsed.record().key(),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final Logger LOG = Logger.getLogger(InboundBatch.class);

    private final Inbox inbox;
    private final InboxConfig config;
    private final MutinyEmitter<String> deadLetters;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private volatile boolean running = true;

    InboundBatch(Inbox inbox, InboxConfig config, @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters,
            MeterRegistry metrics, Tracer tracer) {
        this.inbox = inbox;
        this.tracer = tracer;
        this.config = config;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
    }

    /** A record with its event, once parsed. */
    private record Parsed(ConsumerRecord<String, String> record, CloudEvent event) {
    }

    /**
     * Applies the records' events of the {@code wanted} types with {@code handler}, each event id once (events of other
     * types are acknowledged without an inbox row). Returns when every record is applied or dead-lettered.
     */
    public void apply(ConsumerRecords<String, String> records, Predicate<String> wanted, EventHandler handler) {
        applyRecords(records, wanted, (event, record) -> handler.apply(event));
    }

    /** As {@link #apply}, for a handler that needs each event's record too. */
    public void applyRecords(ConsumerRecords<String, String> records, Predicate<String> wanted, RecordHandler handler) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        applyRecords(list, wanted, handler);
    }

    public void applyRecords(List<ConsumerRecord<String, String>> records, Predicate<String> wanted, RecordHandler handler) {
        List<Parsed> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent event;
            try {
                event = CloudEventRecords.parse(record.value(), record.topic());
            } catch (MalformedEventException e) {
                deadLetter(record, e);
                continue;
            }
            if (wanted.test(event.getType())) {
                events.add(new Parsed(record, event));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        events.sort(BY_KEY);
        RuntimeException failed = null;
        for (int attempt = 1; attempt <= TRANSIENT_BATCH_ATTEMPTS; attempt++) {
            try {
                applyTogether(events, handler);
                return;
            } catch (RuntimeException batchFailed) {
                failed = batchFailed;
                if (events.size() == 1 || !transientFailure(batchFailed)) {
                    break;
                }
                metrics.counter("casework.inbound.batch.transient.failures", "topic", events.getFirst().record().topic())
                        .increment();
                LOG.infof("A batch of %d %s events met a transient failure (%s); applying it again", events.size(),
                        events.getFirst().record().topic(), rootMessage(batchFailed));
            }
        }
        if (events.size() > 1) {
            LOG.infof("A batch of %d %s events failed (%s); applying them one at a time", events.size(),
                    events.getFirst().record().topic(), rootMessage(failed));
        }
        for (Parsed parsed : events) {
            applyAlone(parsed, handler);
        }
    }

    private void applyTogether(List<Parsed> events, RecordHandler handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<CloudEvent, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>();
            events.forEach(parsed -> recordOf.put(parsed.event(), parsed.record()));
            for (CloudEvent event : inbox.firstTimeAll(events.stream().map(Parsed::event).toList())) {
                ConsumerRecord<String, String> record = recordOf.get(event);
                try (Scope traced = TraceContext.consuming(tracer, record)) {
                    handler.apply(event, record);
                }
            }
        });
    }

    /** A deadlock, a serialization failure or a lock timeout: the same work may well succeed when applied again. */
    static boolean transientFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    /** One event in a transaction of its own, retried with backoff; dead-lettered when it cannot be applied. */
    private void applyAlone(Parsed parsed, RecordHandler handler) {
        InboxConfig.Retry retry = config.retry();
        Instant giveUpAt = Instant.now().plus(retry.maxDuration());
        Duration backoff = retry.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstTime(parsed.event())) {
                        try (Scope traced = TraceContext.consuming(tracer, parsed.record())) {
                            handler.apply(parsed.event(), parsed.record());
                        }
                    }
                });
                return;
            } catch (RuntimeException e) {
                boolean hopeless = causedBy(e, IllegalArgumentException.class);
                if (hopeless || attempt >= retry.maxAttempts() || Instant.now().plus(backoff).isAfter(giveUpAt) || !running) {
                    deadLetter(parsed.record(), e);
                    return;
                }
                LOG.warnf("%s event %s failed (attempt %d), retrying in %s: %s", parsed.event().getType(),
                        parsed.event().getId(), attempt, backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends the record to the dead-letter topic and waits for Kafka to take it (until it does). */
    private void deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        Throwable root = reason;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.errorf("Dead-lettering the record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                root.toString());
        metrics.counter("casework.inbound.dead.letters", "topic", record.topic()).increment();
        List<RecordHeader> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(new RecordHeader(h.key(), h.value())));
        headers.add(header("dead-letter-reason", String.valueOf(reason.getMessage())));
        headers.add(header("dead-letter-cause", root.toString()));
        headers.add(header("dead-letter-topic", record.topic()));
        headers.add(header("dead-letter-partition", Integer.toString(record.partition())));
        headers.add(header("dead-letter-offset", Long.toString(record.offset())));
        Message<String> message = Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build());
        Duration backoff = config.retry().initialBackoff();
        while (true) {
            try {
                deadLetters.sendMessage(message).await().atMost(Duration.ofSeconds(30));
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                LOG.warnf("Cannot dead-letter the record at %s-%d@%d yet: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.retry().maxBackoff()) > 0 ? config.retry().maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
