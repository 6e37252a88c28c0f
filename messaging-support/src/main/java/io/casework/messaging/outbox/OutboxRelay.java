package io.casework.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.casework.messaging.observability.TraceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * Publishes committed outbox rows to Kafka on the {@value #CHANNEL} channel, keyed by aggregate id, in sequence order,
 * each to the topic of its type ({@link OutboxTopics}). A loop per instance runs a relay pass as soon as a transaction
 * that wrote events commits, and every casework.outbox.poll-interval to pick up anything left by a crash or an
 * unavailable broker. Delivery is at-least-once; consumers drop duplicates by id ({@code Inbox}).
 * <p>
 * One relay at a time per database, so that events leave in sequence order: a pass holds
 * {@code pg_try_advisory_xact_lock} in a lock transaction of its own, on a connection of its own, from start to end,
 * and rolls it back at the end (the lock cannot outlive the pass: it ends with that transaction, or with the session
 * if the instance dies). Each batch is read in one short transaction, sent and awaited with <em>no</em> transaction
 * on the thread (a transaction open across the send leaks onto Kafka's callback threads through context
 * propagation: "Commit invoked while multiple threads active", and holds a connection for the broker's round trip),
 * and marked published with one native UPDATE in a second short transaction.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel every service configures ({@code mp.messaging.outgoing.outbox.*}). */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * The content type of every CloudEvent Casework sends in structured mode (Kafka records, webhook deliveries).
     * The charset is lower-case: the CloudEvents JavaScript SDK looks the header up as a whole and refuses {@code UTF-8}.
     */
    public static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private static final byte[] CONTENT_TYPE = CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository outbox;
    private final OutboxTopics topics;
    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxRepository outbox, OutboxTopics topics,
            AgroalDataSource dataSource, OutboxConfig config) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.topics = topics;
        this.dataSource = dataSource;
        this.config = config;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        // Coalesce: many commits during a pass need one more pass, not one each.
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    // After the messaging lifecycle (priority 1000) has wired the emitter's channel.
    void start(@Observes StartupEvent started) {
        running = true;
        loop = Thread.ofVirtual().name("outbox-relay").start(this::relayUntilStopped);
    }

    // Not by interrupting: a virtual thread interrupted in JDBC I/O closes the connection's socket under it.
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (loop != null) {
            loop.join(Duration.ofSeconds(10));
        }
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (running) {
                    relay();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
            }
        }
    }

    /**
     * One relay pass: publishes batches until one is short, unless another relay holds the lock. Never called in a
     * transaction (see the class comment). Returns how many events it published.
     */
    @Transactional(Transactional.TxType.NEVER)
    public int relay() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                return tryLock(lock) ? relayHolding(lock) : 0;
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot hold the outbox relay lock", e);
        }
    }

    /**
     * Reads and sends the next batch while Kafka still acknowledges the previous one (two batches in flight at most,
     * within the sink's max-inflight-messages), and marks each batch published once all of it is acknowledged, in
     * sequence order. Events that commit behind rows already sent in this pass go with the next pass.
     */
    private int relayHolding(Connection lock) throws SQLException {
        Deque<Sent> inFlight = new ArrayDeque<>();
        long after = 0;
        int published = 0;
        while (true) {
            if (!lock.isValid(5)) {
                // The lock went with its session: another relay may be running now.
                throw new IllegalStateException("Lost the outbox relay lock");
            }
            long sentUpTo = after;
            List<OutboxRepository.Unpublished> batch = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.nextUnpublished(sentUpTo, config.batchSize()));
            if (!batch.isEmpty()) {
                inFlight.addLast(send(batch));
                after = batch.getLast().seq();
            }
            boolean more = batch.size() == config.batchSize();
            while (inFlight.size() > (more ? 1 : 0)) {
                published += markWhenAcknowledged(inFlight.removeFirst());
            }
            if (!more) {
                return published;
            }
        }
    }

    private record Sent(List<Long> seqs, CompletableFuture<Void> acknowledged) {
    }

    // No transaction is open here: nothing transactional can leak onto Kafka's callback threads.
    private Sent send(List<OutboxRepository.Unpublished> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxRepository.Unpublished row : batch) {
            List<RecordHeader> headers = new ArrayList<>(2);
            headers.add(new RecordHeader("content-type", CONTENT_TYPE));
            if (row.requestId() != null) {
                headers.add(new RecordHeader(TraceContext.REQUEST_ID_HEADER, row.requestId().getBytes(StandardCharsets.UTF_8)));
            }
            Message<String> message = Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(row.aggregateId())
                    .withTopic(topics.topicOf(row.type()))
                    .withHeaders(headers)
                    .build());
            // A child of the span that wrote the row: consumers continue the trace of the change that caused it.
            acks.add(emitter.sendMessage(TraceContext.childOf(message, row.traceparent())).subscribeAsCompletionStage());
        }
        return new Sent(batch.stream().map(OutboxRepository.Unpublished::seq).toList(),
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }

    private int markWhenAcknowledged(Sent sent) {
        try {
            sent.acknowledged().get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka acknowledged the outbox batch", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        Instant publishedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> outbox.markPublished(sent.seqs(), publishedAt));
        return sent.seqs().size();
    }

    private static boolean tryLock(Connection lock) throws SQLException {
        try (Statement statement = lock.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT pg_try_advisory_xact_lock(hashtext('casework.outbox.relay'))")) {
            return result.next() && result.getBoolean(1);
        }
    }
}
