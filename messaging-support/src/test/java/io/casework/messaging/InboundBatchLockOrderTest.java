package io.casework.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.InboundBatch;
import io.casework.messaging.inbox.RecordHandler;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Batches hold their keys' row locks until they commit, so two batches that meet the same keys (two consumers of one
 * service, or two instances) take them in key order and never deadlock; a batch that meets a transient failure anyway is
 * applied again whole, not one event per transaction.
 */
@QuarkusTest
class InboundBatchLockOrderTest {

    private static final String TOPIC = "casework.lock-order";

    @Inject
    InboundBatch batches;

    @Test
    void twoBatchesMeetingTheSameKeysInOppositeOrderBothCommitWithoutADeadlock() throws Exception {
        String first = "a-" + UUID.randomUUID();
        String second = "b-" + UUID.randomUUID();
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        Set<Long> transactions = ConcurrentHashMap.newKeySet();
        // Each batch locks its first key, then waits (up to 2 s) until the other batch has locked its own first key:
        // in partition order (first/second against second/first) both hold one lock and want the other's: a deadlock.
        CountDownLatch bothLocked = new CountDownLatch(2);
        RecordHandler handler = (event, record) -> {
            lock(record.key());
            transactions.add(transactionId());
            applied.add(event.getId());
            if (bothLocked.getCount() > 0) {
                bothLocked.countDown();
                await(bothLocked);
            }
        };
        List<ConsumerRecord<String, String>> one = List.of(record(first, 0), record(second, 1));
        List<ConsumerRecord<String, String>> other = List.of(record(second, 0), record(first, 1));

        Thread.Builder threads = Thread.ofPlatform().name("batch-", 0);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        Thread a = threads.start(() -> run(() -> batches.applyRecords(one, type -> true, handler), errors));
        Thread b = threads.start(() -> run(() -> batches.applyRecords(other, type -> true, handler), errors));
        a.join(TimeUnit.SECONDS.toMillis(30));
        b.join(TimeUnit.SECONDS.toMillis(30));

        assertEquals(List.of(), errors);
        assertEquals(4, applied.size(), "each event applied once, no batch applied again: " + applied);
        assertEquals(2, transactions.size(), "one transaction per batch");
    }

    @Test
    void aBatchThatMeetsADeadlockIsAppliedAgainWholeInOneTransaction() {
        String key = "c-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> records = List.of(record(key, 0), record(key, 1), record(key, 2));
        AtomicBoolean deadlocked = new AtomicBoolean();
        List<Long> transactionOfEach = Collections.synchronizedList(new ArrayList<>());
        batches.applyRecords(records, type -> true, (event, record) -> {
            if (record.offset() == 2 && deadlocked.compareAndSet(false, true)) {
                throw new IllegalStateException("statement failed",
                        new SQLException("ERROR: deadlock detected", "40P01"));
            }
            transactionOfEach.add(transactionId());
        });
        // first attempt: offsets 0 and 1 (rolled back), then the whole batch again in one transaction
        assertEquals(5, transactionOfEach.size());
        assertEquals(1, Set.copyOf(transactionOfEach.subList(2, 5)).size(), "the retry is one transaction");
        assertTrue(deadlocked.get());
    }

    private static void run(Runnable batch, List<Throwable> errors) {
        try {
            batch.run();
        } catch (Throwable e) {
            errors.add(e);
        }
    }

    private static void lock(String key) {
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                statement.setString(1, key);
                statement.execute();
            }
        });
    }

    private static long transactionId() {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT txid_current()").getSingleResult()).longValue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConsumerRecord<String, String> record(String key, long offset) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/casework/test","type":"io.casework.lock.happened",
                 "subject":"%s","datacontenttype":"application/json","data":{"n":%d}}"""
                .formatted(UUID.randomUUID(), key, offset);
        return new ConsumerRecord<>(TOPIC, 0, offset, key, event);
    }
}
