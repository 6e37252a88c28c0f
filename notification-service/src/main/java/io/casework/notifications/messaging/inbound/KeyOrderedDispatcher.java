package io.casework.notifications.messaging.inbound;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Runs the records of one channel concurrently, each on a virtual thread of its own, while records with the same
 * Kafka key (the aggregate id: a case, an incident) run one after another in partition order. So a slow SMTP
 * server or a retried mail holds up only the events of its own case, not every case behind it.
 * <p>
 * The channel calls {@link #dispatch} one record at a time, in partition order (the stage it returns completes when
 * the record is admitted), which is what orders a key's records. At most {@code maxInFlight} records are in progress
 * (each holds up to two database connections while its mail is sent). Each record is acknowledged when it is done,
 * or nacked, which sends it to the channel's dead-letter topic; the connector's throttled commit strategy commits an
 * offset only once every record before it is acknowledged, so a crash redelivers what was in progress
 * ({@code processed_message} drops what was already applied).
 */
public final class KeyOrderedDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyOrderedDispatcher.class);

    private final int maxInFlight;
    private final ExecutorService workers;
    /** The last record dispatched per key, completed (never exceptionally) when it is done. */
    private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private int inFlight;
    /** The channel's next record, waiting for a free slot; at most one, as the channel waits for it. */
    private CompletableFuture<Void> waiting;

    public KeyOrderedDispatcher(String name, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    /**
     * Runs {@code work} on the message's payload after the key's earlier records, then acknowledges the message, or
     * nacks it with the failure. Returns when the channel may hand over its next record.
     */
    public <T> CompletionStage<Void> dispatch(Message<T> message, Consumer<T> work) {
        Object key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getKey).orElse(null);
        // Records without a key (none are expected) are kept in order among themselves.
        Object lane = key == null ? Lane.NO_KEY : key;
        // The consumer's span (the producer's trace, from the record's traceparent) carries on in the worker.
        Context trace = message.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            inFlight++;
        }
        Runnable run = () -> {
            try (Scope ignored = trace.makeCurrent()) {
                process(message, work);
            } finally {
                tails.remove(lane, done);
                done.complete(null);
                release();
            }
        };
        CompletableFuture<Void> previous = tails.put(lane, done);
        if (previous == null) {
            workers.execute(run);
        } else {
            previous.whenComplete((ignored, error) -> workers.execute(run));
        }
        return admission();
    }

    private static <T> void process(Message<T> message, Consumer<T> work) {
        Throwable failure = null;
        try {
            work.accept(message.getPayload());
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            (failure == null ? message.ack() : message.nack(failure)).toCompletableFuture().join();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not %s a record", failure == null ? "acknowledge" : "dead-letter");
        }
    }

    private CompletionStage<Void> admission() {
        synchronized (this) {
            if (inFlight < maxInFlight) {
                return CompletableFuture.completedFuture(null);
            }
            waiting = new CompletableFuture<>();
            return waiting;
        }
    }

    private void release() {
        CompletableFuture<Void> admitted = null;
        synchronized (this) {
            inFlight--;
            if (waiting != null && inFlight < maxInFlight) {
                admitted = waiting;
                waiting = null;
            }
        }
        if (admitted != null) {
            admitted.complete(null); // outside the lock: the channel's next dispatch runs from here
        }
    }

    /** Records in progress or waiting for their key's earlier records. */
    public synchronized int inFlight() {
        return inFlight;
    }

    @Override
    public void close() {
        workers.shutdown();
    }

    private enum Lane {
        NO_KEY
    }
}
