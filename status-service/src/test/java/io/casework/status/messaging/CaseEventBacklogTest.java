package io.casework.status.messaging;

import static io.casework.status.messaging.CaseEventConsumerTest.caseOpened;
import static io.casework.status.messaging.CaseEventConsumerTest.casesLastDay;
import static io.casework.status.messaging.CaseEventConsumerTest.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;

import io.casework.status.messaging.inbound.CaseEventConsumer;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * The backlog a broker outage leaves (found by deploy/faults/run kafka): records arrive all at once, and the outbox
 * relay sends an unacknowledged batch again. On virtual threads every record ran at once, took more connections than
 * the pool holds ("Sorry, acquisition timeout!") and raced its own duplicate on the processed-message key; both
 * failures sent first deliveries to the dead-letter topic, so cases went uncounted.
 */
@QuarkusTest
class CaseEventBacklogTest {

    @Test
    void pollsAreHandledOneBatchAtATimeInPartitionOrder() throws Exception {
        Method consume = CaseEventConsumer.class.getMethod("consume", ConsumerRecords.class);
        Blocking blocking = consume.getAnnotation(Blocking.class);
        assertNotNull(blocking, "@Blocking(ordered = true)");
        assertTrue(blocking.ordered());
        assertNull(consume.getAnnotation(RunOnVirtualThread.class));
    }

    @Test
    void aBacklogWithRedeliveriesIsCountedOnceEach() {
        String product = "Backlog Fax " + UUID.randomUUID();
        for (int i = 0; i < 150; i++) {
            String event = caseOpened(UUID.randomUUID().toString(), product);
            send(event);
            send(event);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(150, casesLastDay(product)));
        // A redelivery is recognised and skipped, never dead-lettered as a failure.
        assertThrows(AssertionError.class, () -> EventTap.awaitAll("casework.status-service.dlq",
                r -> r.value() != null && r.value().contains(product), 1, Duration.ofSeconds(5)), "records in the dead-letter topic");
    }
}
