package io.casework.cases.service;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.casework.cases.config.CaseConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Closes cases left in SOLUTION_PROVIDED without an answer; each case in its own transaction. */
@ApplicationScoped
public class AutoCloseJob {

    private static final Logger LOG = Logger.getLogger(AutoCloseJob.class);

    private final CaseWorkflow workflow;
    private final CaseConfig config;

    AutoCloseJob(CaseWorkflow workflow, CaseConfig config) {
        this.workflow = workflow;
        this.config = config;
    }

    @Scheduled(every = "${casework.auto-close-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        closeStale(Instant.now().minus(config.autoCloseAfter()));
    }

    /** Closes every case whose solution has waited since before {@code cutoff}; returns how many. */
    public int closeStale(Instant cutoff) {
        int closed = 0;
        for (var id : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> workflow.autoCloseCandidates(cutoff))) {
            if (workflow.autoClose(id, cutoff)) {
                closed++;
            }
        }
        if (closed > 0) {
            LOG.infof("Closed %d case(s) without an answer since %s", closed, cutoff);
        }
        return closed;
    }
}
