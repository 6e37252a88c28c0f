package io.casework.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.CloudEventRecords;
import io.casework.messaging.inbox.Inbox;
import io.casework.messaging.inbox.MalformedEventException;
import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.messaging.outbox.OutboxEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The inbox applies an event id once, also in a batch and against a concurrent copy; the parser tells malformed
 * records apart; the retention purge removes only what has served its time.
 */
@QuarkusTest
class InboxAndRetentionContractTest {

    private static final String TYPE = "io.casework.contract.inbox-test";

    @Inject
    Inbox inbox;
    @Inject
    Retention retention;
    @Inject
    EventOutbox outbox;

    @Test
    void aBatchRecordsEachNewIdOnceAndReturnsOnlyTheFirstCopies() {
        CloudEvent seen = event();
        QuarkusTransaction.requiringNew().run(() -> inbox.firstTime(seen));
        CloudEvent a = event();
        CloudEvent b = event();
        List<CloudEvent> first = QuarkusTransaction.requiringNew().call(() -> inbox.firstTimeAll(List.of(a, seen, b, a)));
        assertEquals(List.of(a.getId(), b.getId()), first.stream().map(CloudEvent::getId).toList());
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> inbox.firstTimeAll(List.of(a, b, seen))));
    }

    @Test
    void anIdRecordedInARolledBackTransactionCountsAsNew() {
        CloudEvent event = event();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(inbox.firstTime(event));
            throw new IllegalStateException("the effect failed");
        }));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstTime(event)));
    }

    @Test
    void aConcurrentCopyWaitsForTheFirstAndIsThenSkipped() throws Exception {
        CloudEvent event = event();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<Boolean> original = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean result = inbox.firstTime(event);
            firstInserted.countDown();
            release.await(10, TimeUnit.SECONDS);
            return result;
        }), threads);
        assertTrue(firstInserted.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> copy = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> inbox.firstTime(event)), threads);
        // The copy's insert waits on the original's uncommitted row.
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache
                .getEntityManager().createNativeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND query LIKE '%INSERT INTO processed_message%'").getSingleResult()).intValue() > 0));
        release.countDown();
        assertTrue(original.get(10, TimeUnit.SECONDS));
        assertEquals(false, copy.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theParserRefusesWhatIsNotAJsonCloudEvent() {
        assertThrows(MalformedEventException.class, () -> CloudEventRecords.parse(null, "t"));
        assertThrows(MalformedEventException.class, () -> CloudEventRecords.parse("{\"not\":\"an event\"}", "t"));
        CloudEvent parsed = CloudEventRecords.parse("""
                {"specversion":"1.0","id":"e-1","source":"/casework/test","type":"io.casework.contract.x",
                 "datacontenttype":"application/json","data":{"n":7}}""", "t");
        assertEquals("e-1", parsed.getId());
        record N(int n) {
        }
        assertEquals(7, CloudEventRecords.data(parsed, N.class, new com.fasterxml.jackson.databind.ObjectMapper()).n());
    }

    @Test
    void thePurgeDeletesOldPublishedOutboxRowsAndOldInboxIdsButNothingUnpublishedOrRecent() {
        Instant now = Instant.now();
        String key = UUID.randomUUID().toString();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.recordAll(List.of(
                new EventOutbox.Outgoing(TYPE, key, Map.of("n", 1)),
                new EventOutbox.Outgoing(TYPE, key, Map.of("n", 2)),
                new EventOutbox.Outgoing(TYPE, key, Map.of("n", 3)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("id in ?1 and publishedAt is null", ids)) == 0);
        CloudEvent old = event();
        CloudEvent recent = event();
        QuarkusTransaction.requiringNew().run(() -> {
            inbox.firstTimeAll(List.of(old, recent));
            // published two days ago / published an hour ago / written three days ago and not published yet
            sql("UPDATE outbox_event SET published_at = ?1 WHERE id = ?2", now.minus(Duration.ofDays(2)), ids.get(0));
            sql("UPDATE outbox_event SET published_at = ?1 WHERE id = ?2", now.minus(Duration.ofHours(1)), ids.get(1));
            sql("UPDATE outbox_event SET created_at = ?1, published_at = NULL WHERE id = ?2", now.minus(Duration.ofDays(3)),
                    ids.get(2));
            sql("UPDATE processed_message SET processed_at = ?1 WHERE event_id = ?2", now.minus(Duration.ofDays(15)), old.getId());
        });
        // Should the relay publish the third row again meanwhile, it is recently published then: kept either way.
        retention.purge(now);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, OutboxEvent.count("id", ids.get(0)), "old and published: purged");
            assertEquals(1, OutboxEvent.count("id", ids.get(1)), "published an hour ago: kept");
            assertEquals(1, OutboxEvent.count("id", ids.get(2)), "unpublished: kept");
            assertEquals(0, ProcessedMessage.count("eventId", old.getId()), "processed 15 days ago: purged");
            assertEquals(1, ProcessedMessage.count("eventId", recent.getId()), "processed now: kept");
        });
    }

    private static void sql(String statement, Object first, Object second) {
        Panache.getEntityManager().createNativeQuery(statement).setParameter(1, first).setParameter(2, second).executeUpdate();
    }

    private static CloudEvent event() {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/casework/test"))
                .withType(TYPE).build();
    }
}
