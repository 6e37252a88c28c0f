package io.casework.sla.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Clock firing under load, on demand (Surefire runs *Test only):
 * <pre>
 * ./mvnw -B -o verify -pl sla-service -Dtest=FiringBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.targets=100000] [-Dbench.dueInMinute=100000]
 * </pre>
 * Against the test harness (private PostgreSQL, in-JVM Kafka, the app with its firing claimers): inserts
 * {@code bench.targets} running 24/7 targets, {@code bench.dueInMinute} of them due within one minute starting 20 s
 * later (spread evenly), the rest the next day; waits until every due target has fired; prints the distribution of
 * lag between each due time and its breach event recorded in the outbox (the row's created_at, taken in the firing
 * transaction just before its commit), and published to Kafka (published_at, taken once Kafka acknowledged it), with a
 * histogram in 250 ms steps; fails if any breach was recorded before its due time.
 */
@QuarkusTest
class FiringBenchmark {

    private static final String ORGANIZATION = "firing-benchmark";

    @Test
    void targetsFallingDueInTheSameMinuteFireWithinTwoSeconds() {
        int targets = Integer.getInteger("bench.targets", 100_000);
        int dueInMinute = Integer.getInteger("bench.dueInMinute", targets);
        Instant windowStart = Instant.now().plusSeconds(20);
        long insertStarted = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(600).run(() -> Panache.getEntityManager().createNativeQuery("""
                INSERT INTO sla_clock (id, case_id, metric, cycle, organization, product, priority, plan_id,
                    plan_version, clock, calendar_id, state, started_at, target, target_nanos, elapsed_nanos,
                    running_since, target_at, warn_at, warned_at, next_fire_at, version)
                SELECT gen_random_uuid(), gen_random_uuid(), 'FIRST_RESPONSE', 0, ?1, NULL, 'P1', 'standard', 1,
                       'ALWAYS', '24x7', 'RUNNING', due - interval '1 hour', 'PT1H', 3600000000000, 0,
                       due - interval '1 hour', due, NULL, due - interval '15 minutes', due, 0
                FROM (SELECT i, CASE WHEN i < ?2
                                     THEN CAST(?3 AS timestamptz) + (i * (60.0 / ?2)) * interval '1 second'
                                     ELSE CAST(?3 AS timestamptz) + interval '1 day' END AS due
                      FROM generate_series(0, ?4 - 1) AS i) AS t
                """).setParameter(1, ORGANIZATION).setParameter(2, dueInMinute).setParameter(3, windowStart)
                .setParameter(4, targets).executeUpdate());
        System.out.printf("Inserted %,d running targets (%,d due from %s over 60 s) in %d ms%n", targets, dueInMinute,
                windowStart, (System.nanoTime() - insertStarted) / 1_000_000);

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> breaches() >= dueInMinute
                && published() >= dueInMinute);
        assertEquals(dueInMinute, breaches(), "one breach per due target");

        List<?> stats = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery("""
                SELECT count(*), min(fired),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY fired), percentile_cont(0.9) WITHIN GROUP (ORDER BY fired),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY fired), max(fired),
                       count(*) FILTER (WHERE fired <= 2.0),
                       min(published),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY published),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY published),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY published), max(published),
                       count(*) FILTER (WHERE published <= 2.0)
                FROM (%s) AS lag
                """.formatted(LAGS)).setParameter(1, ORGANIZATION).getResultList());
        Object[] row = (Object[]) stats.getFirst();
        System.out.printf("""
                %nFiring %,d targets due within one minute (of %,d running), lag after the due time in seconds:
                  committed to the outbox:  min %.3f  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  within 2 s: %,d
                  published to Kafka:       min %.3f  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  within 2 s: %,d
                """, ((Number) row[0]).longValue(), targets, d(row[1]), d(row[2]), d(row[3]), d(row[4]), d(row[5]),
                ((Number) row[6]).longValue(), d(row[7]), d(row[8]), d(row[9]), d(row[10]), d(row[11]),
                ((Number) row[12]).longValue());

        List<?> histogram = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery("""
                SELECT bucket, count(*) FILTER (WHERE floor(fired / 0.25) = bucket OR (bucket = 12 AND fired >= 3)),
                       count(*) FILTER (WHERE floor(published / 0.25) = bucket OR (bucket = 12 AND published >= 3))
                FROM (%s) AS lag CROSS JOIN generate_series(0, 12) AS bucket
                GROUP BY bucket ORDER BY bucket
                """.formatted(LAGS)).setParameter(1, ORGANIZATION).getResultList());
        System.out.println("  lag bucket (s)   outbox   Kafka");
        for (Object bucket : histogram) {
            Object[] counts = (Object[]) bucket;
            int b = ((Number) counts[0]).intValue();
            System.out.printf("  %-14s %8d %7d%n", b == 12 ? ">= 3.00" : "%.2f-%.2f".formatted(b * 0.25, (b + 1) * 0.25),
                    ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue());
        }
        assertTrue(d(row[1]) >= 0, "no breach is recorded before its due time");
    }

    /** Per breach of the benchmark's targets: seconds from due time to the outbox row, and to its publication. */
    private static final String LAGS = """
            SELECT extract(epoch FROM o.created_at - c.target_at) AS fired,
                   extract(epoch FROM o.published_at - c.target_at) AS published
            FROM sla_clock c JOIN outbox_event o ON o.aggregate_id = c.case_id::text
            WHERE c.organization = ?1 AND o.type = 'io.casework.sla.breached'
            """;

    private static double d(Object value) {
        return ((Number) value).doubleValue();
    }

    private static long breaches() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM sla_clock WHERE organization = ?1 AND state = 'BREACHED'")
                .setParameter(1, ORGANIZATION).getSingleResult()).longValue());
    }

    private static long published() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = 'io.casework.sla.breached' AND published_at IS NOT NULL "
                        + "AND aggregate_id IN (SELECT case_id::text FROM sla_clock WHERE organization = ?1)")
                .setParameter(1, ORGANIZATION).getSingleResult()).longValue());
    }
}
