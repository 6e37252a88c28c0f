package io.casework.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.messaging.outbox.OutboxEvent;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A poll's records are applied in one transaction, in order per key; a poisoned record is retried alone and then
 * dead-lettered while every other record of its batch is applied exactly once; a record that fails for a while is
 * applied once it can be; a record that is no CloudEvent is dead-lettered; a redelivered event is applied once.
 */
@QuarkusTest
class InboundBatchContractTest {

    private static final String TOPIC = "casework.contract-in";
    private static final String DLQ = "casework.contract.dlq";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPoisonedRecordIsDeadLetteredAloneAndTheRestOfItsBatchIsAppliedOnceInKeyOrder() throws Exception {
        List<String> keys = List.of(key(), key(), key());
        List<Map.Entry<String, String>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String poisoned = null;
        String flaky = null;
        for (int n = 0; n < 60; n++) {
            String id = UUID.randomUUID().toString();
            if (n == 25) {
                poisoned = id;
                ContractConsumer.POISONED.add(id);
            } else if (n == 40) {
                flaky = id;
                ContractConsumer.FLAKY.put(id, new AtomicInteger(2));
            }
            ids.add(id);
            records.add(Map.entry(keys.get(n % 3), event(id, keys.get(n % 3), n)));
        }
        records.add(30, Map.entry(keys.get(0), "this is not a CloudEvent"));
        // the same event again: applied once
        records.add(Map.entry(keys.get(1), event(ids.get(1), keys.get(1), 1)));
        EventTap.sendAll(TOPIC, records);

        String poison = poisoned;
        List<String> applied = ids.stream().filter(id -> !id.equals(poison)).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(applied.size(), handled(keys).size()));

        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<Integer>> orderByKey = new HashMap<>();
        for (OutboxEvent row : handled(keys)) {
            JsonNode data = json.readTree(row.payload).get("data");
            copies.merge(data.get("source").asText(), 1, Integer::sum);
        }
        for (String id : applied) {
            assertEquals(1, copies.getOrDefault(id, 0), "effects of " + id);
        }
        assertEquals(0, copies.getOrDefault(poison, 0), "effects of the poisoned event");
        // per key, in the order the records were produced
        for (OutboxEvent row : handled(keys)) {
            String source = json.readTree(row.payload).get("data").get("source").asText();
            orderByKey.computeIfAbsent(row.aggregateId, k -> new ArrayList<>()).add(ids.indexOf(source));
        }
        for (List<Integer> order : orderByKey.values()) {
            assertEquals(order.stream().sorted().toList(), order, "order within a key");
        }
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", ids.get(1))));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", poison)),
                "a dead-lettered event is not marked processed");

        List<ConsumerRecord<String, String>> dead = EventTap.awaitAll(DLQ,
                r -> keys.contains(r.key()), 2, Duration.ofSeconds(30));
        assertTrue(dead.stream().anyMatch(r -> r.value().contains(poison)), "the poisoned record is dead-lettered");
        assertTrue(dead.stream().anyMatch(r -> r.value().equals("this is not a CloudEvent")), "the malformed record too");
        for (ConsumerRecord<String, String> letter : dead) {
            assertEquals(TOPIC, new String(letter.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        }
        assertTrue(ContractConsumer.FLAKY.get(flaky).get() < 0, "the flaky event was retried until it succeeded");
        assertTrue(ContractConsumer.BATCH_SIZES.keySet().stream().anyMatch(size -> size > 1),
                "records arrive in batches: " + ContractConsumer.BATCH_SIZES);
    }

    private static List<OutboxEvent> handled(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "type = ?1 and aggregateId in ?2 order by seq", ContractConsumer.HANDLED, keys));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String event(String id, String key, int n) {
        return """
                {"specversion":"1.0","id":"%s","source":"/casework/test","type":"io.casework.contract.in.happened",
                 "subject":"%s","datacontenttype":"application/json","data":{"n":%d}}""".formatted(id, key, n);
    }
}
