package io.casework.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.messaging.outbox.OutboxEvent;
import io.casework.messaging.outbox.OutboxRecorded;
import io.casework.messaging.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

/**
 * The outbox's promise to every service: an event is published if and only if its transaction committed, once per
 * relay pass however many relays run, in sequence order per key, on the topic its type maps to, as a CloudEvent whose
 * source names the service; observers hear of it only after commit.
 */
@QuarkusTest
class OutboxContractTest {

    private static final String TOPIC_A = "casework.contract-a";
    private static final String TOPIC_B = "casework.contract-b";
    private static final String TYPE = "io.casework.contract.relay-test";

    @Inject
    EventOutbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    CommitWatcher commits;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void relaysStartedTogetherPublishEachEventOnceInSequenceOrderPerKey() throws Exception {
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        int count = 1_500;
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.recordAll(IntStream.range(0, count)
                .mapToObj(n -> new EventOutbox.Outgoing(TYPE, keys.get(n % keys.size()), Map.of("n", n)))
                .toList()));

        // The instance's own relay was woken by that commit; four more passes compete with it for the lock. A pass
        // that fails (e.g. a transaction left open across the Kafka acknowledgements) fails the test.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> relays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                relays.add(relay::relay);
            }
            for (Future<Integer> pass : pool.invokeAll(relays)) {
                pass.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, unpublished(ids)));

        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<Integer>> orderByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : Topics.everythingOn(TOPIC_A)) {
            if (keys.contains(record.key())) {
                JsonNode event = json.readTree(record.value());
                if (copies.merge(event.get("id").asText(), 1, Integer::sum) == 1) {
                    orderByKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.get("data").get("n").asInt());
                }
            }
        }
        assertEquals(count, copies.size(), "events published");
        for (UUID id : ids) {
            assertEquals(1, copies.get(id.toString()), "copies of " + id);
        }
        for (int k = 0; k < keys.size(); k++) {
            int first = k;
            List<Integer> expected = IntStream.range(0, count).filter(n -> n % keys.size() == first).boxed().toList();
            assertEquals(expected, orderByKey.get(keys.get(k)), "order of key " + keys.get(k));
        }
    }

    @Test
    void eachTypeGoesToTheTopicOfItsLongestPrefixAsAStructuredCloudEvent() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID onA = QuarkusTransaction.requiringNew().call(() -> outbox.record("io.casework.contract.a-thing", key, Map.of("x", 1)));
        UUID onB = QuarkusTransaction.requiringNew().call(() -> outbox.record("io.casework.contract.b.other", key, Map.of("x", 2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, unpublished(List.of(onA, onB))));

        ConsumerRecord<String, String> a = only(TOPIC_A, onA);
        ConsumerRecord<String, String> b = only(TOPIC_B, onB);
        JsonNode event = json.readTree(a.value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/casework/messaging-contract", event.get("source").asText());
        assertEquals("io.casework.contract.a-thing", event.get("type").asText());
        assertEquals(key, event.get("subject").asText());
        assertEquals(key, a.key());
        assertEquals("application/cloudevents+json; charset=utf-8",
                new String(a.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        assertEquals(2, json.readTree(b.value()).get("data").get("x").asInt());
    }

    @Test
    void anEventOfATypeWithoutATopicIsRefusedAndItsTransactionRollsBack() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.record("io.casework.nowhere.test", "k", Map.of())));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
    }

    @Test
    void observersHearOfEventsOnlyOnceTheirTransactionCommitted() {
        String key = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record(TYPE, key, Map.of("rolled", "back"));
            throw new IllegalStateException("roll back");
        }));
        UUID committed = QuarkusTransaction.requiringNew().call(() -> outbox.record(TYPE, key, Map.of("kept", true)));
        List<String> heard = commits.committed().stream().filter(r -> key.equals(r.aggregateId()))
                .map(OutboxRecorded.Recorded::id).toList();
        assertEquals(List.of(committed.toString()), heard);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, unpublished(List.of(committed))));
        assertTrue(Topics.everythingOn(TOPIC_A).stream().filter(r -> key.equals(r.key())).count() == 1,
                "only the committed event is published");
    }

    @Test
    void recordingNeedsTheCallersTransaction() {
        assertThrows(TransactionalException.class, () -> outbox.record(TYPE, "k", Map.of()));
    }

    @Test
    void aRelayPassRefusesToRunInsideATransaction() {
        assertThrows(TransactionalException.class, () -> QuarkusTransaction.requiringNew().run(relay::relay));
    }

    private ConsumerRecord<String, String> only(String topic, UUID id) throws Exception {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : Topics.everythingOn(topic)) {
            if (id.toString().equals(json.readTree(record.value()).get("id").asText())) {
                found.add(record);
            }
        }
        assertEquals(1, found.size(), "copies of " + id + " on " + topic);
        return found.getFirst();
    }

    private static long unpublished(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("id in ?1 and publishedAt is null", ids));
    }
}
