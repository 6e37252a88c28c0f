package io.casework.status.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Scheduled maintenance follows its window by itself: IN_PROGRESS when it starts, RESOLVED when it ends (each only if
 * published with autoStart/autoComplete, and only from the states a publisher would move it from). Every instance
 * looks; the incident's row lock makes each move happen once.
 */
@ApplicationScoped
public class MaintenanceWindows {

    private static final Logger LOG = Logger.getLogger(MaintenanceWindows.class);
    private static final int BATCH = 100;

    private final IncidentService service;

    MaintenanceWindows(IncidentService service) {
        this.service = service;
    }

    /** Moves what is due at {@code now}, each maintenance in a transaction of its own; returns how many moved. */
    public int follow(Instant now) {
        List<UUID> due = service.dueByWindow(now, BATCH);
        int moved = 0;
        for (UUID id : due) {
            try {
                if (service.followWindow(id, now).isPresent()) {
                    moved++;
                }
            } catch (RuntimeException e) {
                // One maintenance that cannot move (e.g. a product row locked too long) must not hold back the others.
                LOG.warnf(e, "Maintenance %s could not follow its window; next check tries again", id);
            }
        }
        return moved;
    }

    @Scheduled(every = "${casework.maintenance.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        follow(IncidentService.now());
    }
}
