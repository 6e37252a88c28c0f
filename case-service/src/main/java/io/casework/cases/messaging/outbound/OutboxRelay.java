package io.casework.cases.messaging.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.casework.cases.config.OutboxConfig;
import io.casework.cases.observability.TraceContext;
import io.casework.cases.persistence.OutboxEvent;
import io.casework.cases.persistence.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * Publishes committed outbox rows to Kafka, keyed by aggregate id, in commit order. Runs right after a
 * transaction that wrote events commits, and on a timer to pick up anything left by a crash or an
 * unavailable broker. Delivery is at-least-once; consumers drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CONTENT_TYPE = "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8);

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository outbox;
    private final OutboxConfig config;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("outbox-relay").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    OutboxRelay(@Channel("case-events") MutinyEmitter<String> emitter, OutboxRepository outbox, OutboxConfig config) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.config = config;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventOutbox.OutboxRecorded recorded) {
        // Coalesce: many commits in a burst need one more relay pass, not one each.
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                relaySafely();
            });
        }
    }

    // Not before start-up completes: the emitter's channel is only wired then.
    @Scheduled(every = "${casework.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        relaySafely();
    }

    void relaySafely() {
        try {
            while (relayBatch() == config.batchSize()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
        }
    }

    /** Publishes one batch and marks it published; returns how many rows it published. */
    @Transactional
    public int relayBatch() {
        if (!outbox.tryLockRelay()) {
            return 0;
        }
        List<OutboxEvent> batch = outbox.nextUnpublished(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(row.aggregateId)
                    .withTopic(row.topic)
                    .withHeaders(headers(row))
                    .build());
            acks.add(emitter.sendMessage(TraceContext.childOf(message, row.traceparent)).subscribeAsCompletionStage());
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        outbox.markPublished(batch.stream().map(r -> r.seq).toList(), Instant.now());
        return batch.size();
    }

    private static List<RecordHeader> headers(OutboxEvent row) {
        List<RecordHeader> headers = new ArrayList<>(2);
        headers.add(new RecordHeader("content-type", CONTENT_TYPE));
        if (row.requestId != null) {
            headers.add(new RecordHeader(TraceContext.REQUEST_ID_HEADER, row.requestId.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdown();
    }
}
