package io.casework.notifications.messaging.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

class KeyOrderedDispatcherTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final KeyOrderedDispatcher dispatcher = new KeyOrderedDispatcher("test", 3);
    final List<String> acked = new CopyOnWriteArrayList<>();
    final ConcurrentHashMap<String, Throwable> nacked = new ConcurrentHashMap<>();
    long offset;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void recordsOfOneKeyRunInOrderWhileAnotherKeyGoesAhead() throws Exception {
        CountDownLatch firstOfA = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        Consumer<String> work = payload -> {
            if (payload.equals("a1")) {
                waitFor(firstOfA);
            }
            done.add(payload);
        };

        dispatch("a", "a1", work);
        dispatch("a", "a2", work);
        dispatch("b", "b1", work);

        await().atMost(TIMEOUT).until(() -> acked.contains("b1"));
        assertEquals(List.of("b1"), done, "b1 is done while a1 still runs; a2 waits for a1");
        firstOfA.countDown();
        await().atMost(TIMEOUT).until(() -> acked.size() == 3);
        assertEquals(List.of("b1", "a1", "a2"), done);
        assertEquals(0, dispatcher.inFlight());
    }

    @Test
    void theNextRecordIsAdmittedOnlyWhenFewerThanTheLimitAreInProgress() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Consumer<String> work = payload -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            waitFor(release);
            running.decrementAndGet();
        };

        assertTrue(dispatch("k1", "1", work).toCompletableFuture().isDone());
        assertTrue(dispatch("k2", "2", work).toCompletableFuture().isDone());
        CompletableFuture<Void> third = dispatch("k3", "3", work).toCompletableFuture();
        assertFalse(third.isDone(), "three in progress: the channel must wait before handing over a fourth record");
        await().atMost(TIMEOUT).until(() -> running.get() == 3);
        release.countDown();
        third.get(10, TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> acked.size() == 3);
        assertEquals(3, mostAtOnce.get());
    }

    @Test
    void failedRecordIsNackedAndTheKeysNextRecordStillRuns() {
        IllegalStateException failure = new IllegalStateException("database down");
        dispatch("a", "bad", payload -> {
            throw failure;
        });
        dispatch("a", "good", payload -> {
        });

        await().atMost(TIMEOUT).until(() -> acked.contains("good"));
        assertEquals(failure, nacked.get("bad"));
        assertFalse(acked.contains("bad"));
    }

    private CompletionStage<Void> dispatch(String key, String payload, Consumer<String> work) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, offset++, key, payload);
        Message<String> message = Message.of(payload)
                .addMetadata(new IncomingKafkaRecordMetadata<>(record, "channel"))
                .withAck(() -> {
                    acked.add(payload);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(error -> {
                    nacked.put(payload, error);
                    return CompletableFuture.completedFuture(null);
                });
        return dispatcher.dispatch(message, work);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
