package io.casework.e2e.faults;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The timeline of a fault or soak run: each phase (load before the fault, the outage, load after the restore) is an
 * action scheduled after the phase's length, and the run goes on once it has happened.
 */
final class Phases {

    /** A few threads: an action may itself wait for a later one (the service fault's second kill, 3 s after the first). */
    private static final ScheduledExecutorService TIMELINE = Executors.newScheduledThreadPool(4,
            Thread.ofVirtual().name("fault-timeline-", 0).factory());

    private Phases() {
    }

    /** Runs {@code action} once {@code length} has passed, and returns when it has run. */
    static void after(Duration length, Runnable action) {
        try {
            TIMELINE.schedule(action, length.toNanos(), TimeUnit.NANOSECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a phase of " + length, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the action after " + length + " failed", e.getCause());
        }
    }

    static ScheduledExecutorService timeline() {
        return TIMELINE;
    }
}
