package io.casework.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.casework.notifications.CaseEvents;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.testsupport.KafkaServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Latency from {@code io.casework.case.opened} published on Kafka to its mail accepted by the SMTP server, at a
 * sustained rate (open loop: each event leaves at its scheduled time, whether or not earlier ones are done).
 * On demand only (Surefire runs *Test):
 * <pre>
 * ./mvnw -B -o verify -pl notification-service -Dtest=CaseOpenedToSmtpBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Options: -Dbenchmark.rate=50 (cases/s), -Dbenchmark.seconds=60, -Dbenchmark.warmup-seconds=5 (same rate, not
 * measured), -Dbenchmark.p99-target-ms=500, -Dbenchmark.drain-seconds=120 (wait for the last mail).
 * Fails on any lost or duplicate mail, or a p99 above target. The
 * figures are printed and written to target/benchmark/case-opened-to-smtp.txt with the load average.
 */
@QuarkusTest
class CaseOpenedToSmtpBenchmark {

    static final int RATE = Integer.getInteger("benchmark.rate", 50);
    static final int SECONDS = Integer.getInteger("benchmark.seconds", 60);
    static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup-seconds", 5);
    static final long P99_TARGET_MS = Long.getLong("benchmark.p99-target-ms", 500);
    static final int DRAIN_SECONDS = Integer.getInteger("benchmark.drain-seconds", 120);

    record Run(List<UUID> caseIds, List<String> contacts, List<String> events, Instant[] publishedAt) {

        static Run prepare(int count, String tag) {
            List<UUID> caseIds = new ArrayList<>(count);
            List<String> contacts = new ArrayList<>(count);
            List<String> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                UUID caseId = UUID.randomUUID();
                String contact = tag + "-" + i + "-" + caseId + "@bench.example";
                caseIds.add(caseId);
                contacts.add(contact);
                // Built (and checked against the contract) before the clock starts.
                events.add(CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId, CaseEvents.newCaseNumber(), contact, "en"));
            }
            return new Run(caseIds, contacts, events, new Instant[count]);
        }

        int count() {
            return events.size();
        }
    }

    @Test
    void caseOpenedMailIsAcceptedBySmtpWithinTargetAtSustainedRate() throws Exception {
        String loadBefore = loadAverage();
        try (KafkaProducer<String, String> producer = producer()) {
            Run warmup = Run.prepare(RATE * WARMUP_SECONDS, "warmup");
            Run measured = Run.prepare(RATE * SECONDS, "bench");

            publish(producer, warmup);
            awaitAllAccepted(warmup, Duration.ofSeconds(DRAIN_SECONDS));
            long cpuBefore = processCpuNanos();
            publish(producer, measured);
            Instant lastPublished = measured.publishedAt()[measured.count() - 1];
            awaitAllAccepted(measured, Duration.ofSeconds(DRAIN_SECONDS));
            long cpuNanos = processCpuNanos() - cpuBefore;
            // Nothing more may arrive: a duplicate would show up here.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> totalAccepted(measured) == measured.count());

            long[] latencies = new long[measured.count()];
            int duplicates = 0;
            for (int i = 0; i < measured.count(); i++) {
                List<Instant> accepted = SmtpServer.acceptedAt(measured.contacts().get(i));
                duplicates += accepted.size() - 1;
                latencies[i] = Duration.between(measured.publishedAt()[i], accepted.getFirst()).toNanos() / 1_000;
            }
            Instant lastAccepted = measured.contacts().stream().map(c -> SmtpServer.acceptedAt(c).getFirst())
                    .max(Instant::compareTo).orElseThrow();
            Arrays.sort(latencies);
            long sentRows = QuarkusTransaction.requiringNew().call(() -> Delivery.count(
                    "caseId in ?1 and status = ?2", measured.caseIds(), DeliveryStatus.SENT));
            double seconds = Duration.between(measured.publishedAt()[0], lastPublished).toNanos() / 1e9;
            String report = """
                    case.opened on Kafka -> mail accepted by SMTP (GreenMail), open loop
                    rate target %d/s for %d s (after %d s warm-up): %d cases published in %.2f s = %.1f/s
                    latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (target p99 <= %d)
                    mails: %d accepted for %d cases, duplicates %d, delivery rows SENT %d
                    throughput: %.1f mails/s (first published to last accepted); test JVM CPU %.2f ms per mail
                    load average before: %s  after: %s  (cores: %d)
                    """.formatted(RATE, SECONDS, WARMUP_SECONDS, measured.count(), seconds, (measured.count() - 1) / seconds,
                    ms(percentile(latencies, 50)), ms(percentile(latencies, 90)), ms(percentile(latencies, 99)),
                    ms(percentile(latencies, 99.9)), ms(latencies[latencies.length - 1]), P99_TARGET_MS,
                    totalAccepted(measured), measured.count(), duplicates, sentRows,
                    measured.count() / (Duration.between(measured.publishedAt()[0], lastAccepted).toNanos() / 1e9),
                    cpuNanos / 1e6 / measured.count(),
                    loadBefore, loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(report);
            Path file = Path.of("target", "benchmark", "case-opened-to-smtp.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);

            assertEquals(0, duplicates, "no duplicate mail");
            assertEquals(measured.count(), sentRows, "one SENT delivery per case");
            assertTrue(percentile(latencies, 99) <= P99_TARGET_MS * 1_000, "p99 above target:\n" + report);
        }
    }

    /** Sends event i at start + i / RATE, noting when it left; the broker's acks are awaited at the end. */
    private static void publish(KafkaProducer<String, String> producer, Run run) throws InterruptedException {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
        long start = System.nanoTime();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < run.count(); i++) {
            long due = start + i * periodNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            run.publishedAt()[i] = Instant.now();
            ProducerRecord<String, String> record = new ProducerRecord<>(CaseEvents.TOPIC, run.caseIds().get(i).toString(),
                    run.events().get(i));
            record.headers().add("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                }
            });
        }
        producer.flush();
        assertEquals(0, failures.get(), "Kafka refused some events");
    }

    private static void awaitAllAccepted(Run run, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> run.contacts().stream()
                .allMatch(contact -> !SmtpServer.acceptedAt(contact).isEmpty()));
    }

    private static int totalAccepted(Run run) {
        return run.contacts().stream().mapToInt(contact -> SmtpServer.acceptedAt(contact).size()).sum();
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(config);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }

    /** CPU time of this JVM (service, Kafka broker, SMTP server and producer; PostgreSQL is another process). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
