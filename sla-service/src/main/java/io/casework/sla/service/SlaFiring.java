package io.casework.sla.service;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.casework.sla.config.SlaConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clock that makes targets fire: every tick (casework.sla.firing-interval) it drains what is due, one batch
 * per transaction. The database is the only coordinator: any number of instances may tick at once, each claims
 * different rows (SKIP LOCKED), and a crash rolls a batch back whole, to be fired by the next tick.
 */
@ApplicationScoped
public class SlaFiring {

    private static final Logger LOG = Logger.getLogger(SlaFiring.class);

    private final ClockService clocks;
    private final SlaConfig config;

    SlaFiring(ClockService clocks, SlaConfig config) {
        this.clocks = clocks;
        this.config = config;
    }

    @Scheduled(every = "${casework.sla.firing-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTick() {
        try {
            fireAllDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Firing SLA targets failed, will retry: %s", e.getMessage());
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
