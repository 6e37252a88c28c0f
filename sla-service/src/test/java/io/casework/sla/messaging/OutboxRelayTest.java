package io.casework.sla.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.sla.messaging.outbound.EventOutbox;
import io.casework.sla.messaging.outbound.OutboxRelay;
import io.casework.sla.persistence.OutboxEvent;
import io.casework.testsupport.KafkaServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.TransactionalException;

/** The relay publishes every committed event once, in sequence order per key, however many relays try at once. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "casework.sla-events";
    private static final String TYPE = "io.casework.sla.relay-test";

    private final EventOutbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper json = new ObjectMapper();

    OutboxRelayTest(EventOutbox outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    @Test
    void relaysStartedTogetherPublishEachEventOnceInSequenceOrderWithoutFailing() throws Exception {
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
        for (ConsumerRecord<String, String> record : everythingOn(TOPIC)) {
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
    void aRelayPassRefusesToRunInsideATransaction() {
        assertThrows(TransactionalException.class, () -> QuarkusTransaction.requiringNew().run(relay::relay));
    }

    private static long unpublished(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("id in ?1 and publishedAt is null", ids));
    }

    /** Every record on the topic up to its current end, read from the beginning. */
    private static List<ConsumerRecord<String, String>> everythingOn(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
