package io.casework.sla.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.casework.sla.config.SlaConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The clock that makes targets fire. A few claimer loops per instance (casework.sla.firing-claimers) each claim the
 * oldest due rows, fire them and commit, one batch per transaction, and go straight on while they find full
 * batches; with less than a full batch due they rest casework.sla.firing-interval (sub-second: the Quarkus scheduler
 * cannot tick below 1 s). The database is the only coordinator: any number of claimers and instances run at once,
 * each claims different rows (SKIP LOCKED), and a crash rolls a batch back whole, to be fired by the next claim.
 * Nothing fires early: a row is claimed only once its next_fire_at has passed.
 */
@ApplicationScoped
public class SlaFiring {

    private static final Logger LOG = Logger.getLogger(SlaFiring.class);

    private final ClockService clocks;
    private final SlaConfig config;
    private final List<Thread> claimers = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    SlaFiring(ClockService clocks, SlaConfig config) {
        this.clocks = clocks;
        this.config = config;
    }

    // After the messaging lifecycle (priority 1000): the relay woken by our commits finds its channel wired.
    void start(@Observes StartupEvent started) {
        for (int i = 0; i < config.firingClaimers(); i++) {
            claimers.add(Thread.ofVirtual().name("sla-firing-" + i).start(this::claimUntilStopped));
        }
    }

    // Not by interrupting: a virtual thread interrupted in JDBC I/O closes the connection's socket under it.
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        stopped.countDown();
        for (Thread claimer : claimers) {
            claimer.join(Duration.ofSeconds(10));
        }
    }

    private void claimUntilStopped() {
        int batch = config.firingBatchSize();
        try {
            while (stopped.getCount() > 0) {
                int handled;
                try {
                    handled = clocks.fireDue(Instant.now(), batch);
                } catch (RuntimeException e) {
                    LOG.warnf("Firing SLA targets failed, will retry: %s", e.getMessage());
                    handled = 0;
                }
                if (handled < batch) {
                    stopped.await(config.firingInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fires everything due by {@code now}; returns how many targets it handled. */
    public int fireAllDue(Instant now) {
        int total = 0;
        int handled;
        do {
            handled = clocks.fireDue(now, config.firingBatchSize());
            total += handled;
        } while (handled == config.firingBatchSize());
        return total;
    }
}
