package io.casework.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes a topic of the test broker the way another service would. */
public final class EventTap {

    private EventTap() {
    }

    /** Waits for the first record on {@code topic} (read from the beginning) that matches, or fails. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitAll(topic, match, 1, timeout);
        return found.getFirst();
    }

    /** Reads {@code topic} from the beginning until {@code count} records match, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, String>> awaitAll(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-tap-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + ", found " + found.size());
        }
        return found;
    }

    /**
     * Publishes a record the way the services' outbox relays do (header {@code content-type:
     * application/cloudevents+json}) and waits for the broker's acknowledgement.
     */
    public static void send(String topic, String key, String value) {
        sendAll(topic, List.of(Map.entry(key, value)));
    }

    /** Publishes (key, value) records in this order with one producer, so that a consumer is likely to poll them together. */
    public static void sendAll(String topic, List<Map.Entry<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, String> entry : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, entry.getKey(), entry.getValue());
                record.headers().add("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }
}
