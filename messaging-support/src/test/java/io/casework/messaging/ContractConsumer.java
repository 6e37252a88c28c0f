package io.casework.messaging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.casework.messaging.inbox.InboundBatch;
import io.casework.messaging.outbox.EventOutbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A consumer as the services write them: a poll's records to {@link InboundBatch}; its effect is an outbox row per event
 * ({@value #HANDLED}, data.source = the event's id), so the test counts what was applied and committed.
 */
@ApplicationScoped
public class ContractConsumer {

    static final String HANDLED = "io.casework.contract.handled";
    static final String WANTED = "io.casework.contract.in.";

    /** Event ids whose handling always fails. */
    static final Set<String> POISONED = ConcurrentHashMap.newKeySet();
    /** Event ids whose handling fails this many more times. */
    static final Map<String, AtomicInteger> FLAKY = new ConcurrentHashMap<>();
    /** Batches handed to the consumer, and their sizes. */
    static final Map<Integer, AtomicInteger> BATCH_SIZES = new ConcurrentHashMap<>();

    private final InboundBatch batches;
    private final EventOutbox outbox;

    ContractConsumer(InboundBatch batches, EventOutbox outbox) {
        this.batches = batches;
        this.outbox = outbox;
    }

    @Incoming("contract-in")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        BATCH_SIZES.computeIfAbsent(records.count(), n -> new AtomicInteger()).incrementAndGet();
        batches.apply(records, type -> type.startsWith(WANTED), event -> {
            if (POISONED.contains(event.getId())) {
                throw new IllegalStateException("poisoned event " + event.getId());
            }
            AtomicInteger failures = FLAKY.get(event.getId());
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("flaky event " + event.getId());
            }
            outbox.record(HANDLED, event.getSubject(), Map.of("source", event.getId()));
        });
    }
}
