package io.casework.sla.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.casework.messaging.outbox.OutboxEvent;
import io.casework.sla.domain.Priority;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Due targets fire exactly once, however many schedulers run side by side and whatever crashes in between. */
@QuarkusTest
class SlaFiringTest {

    private final ClockService clocks;
    private final SlaFiring firing;

    SlaFiringTest(ClockService clocks, SlaFiring firing) {
        this.clocks = clocks;
        this.firing = firing;
    }

    @Test
    void severalSchedulersFiringAtOnceAnnounceEachBreachOnce() throws Exception {
        // acme is on Premier: P1 first response 1h, 24/7; opened two hours ago, so every target is overdue.
        List<UUID> cases = openOverdueCases(200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> schedulers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                schedulers.add(() -> firing.fireAllDue(Instant.now()));
            }
            int handled = 0;
            for (Future<Integer> result : pool.invokeAll(schedulers)) {
                handled += result.get();
            }
            // The application's own scheduler runs too; together they handle each target once.
            assertEquals(true, handled <= cases.size());
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(cases.size(), breaches(cases)));
        for (UUID caseId : cases) {
            assertEquals(1, breaches(List.of(caseId)), "breaches of " + caseId);
        }
    }

    @Test
    void aSchedulerThatCrashesMidBatchLeavesItsTargetsToBeFiredOnceLater() {
        List<UUID> cases = openOverdueCases(50);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            clocks.fireDue(Instant.now(), 1000);
            throw new IllegalStateException("instance killed before commit");
        }));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(cases.size(), breaches(cases)));
        for (UUID caseId : cases) {
            assertEquals(1, breaches(List.of(caseId)), "breaches of " + caseId);
        }
    }

    private List<UUID> openOverdueCases(int count) {
        Instant opened = Instant.now().minus(Duration.ofHours(2));
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID caseId = UUID.randomUUID();
            clocks.caseOpened(caseId, "acme", "Cloud Mail", Priority.P1, opened);
            cases.add(caseId);
        }
        return cases;
    }

    private static long breaches(List<UUID> cases) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("type = ?1 and aggregateId in ?2",
                "io.casework.sla.breached", cases.stream().map(UUID::toString).toList()));
    }
}
