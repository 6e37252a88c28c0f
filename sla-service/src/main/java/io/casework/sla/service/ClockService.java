package io.casework.sla.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.casework.sla.domain.Metric;
import io.casework.sla.domain.Plan;
import io.casework.sla.domain.Priority;
import io.casework.sla.domain.SlaClock;
import io.casework.sla.messaging.event.ClockStarted;
import io.casework.sla.messaging.outbound.EventOutbox;
import io.casework.sla.persistence.SlaClockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** SLA clock use cases; every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class ClockService {

    private static final Logger LOG = Logger.getLogger(ClockService.class);

    private final SlaClockRepository clocks;
    private final PlanResolver planResolver;
    private final EventOutbox outbox;

    ClockService(SlaClockRepository clocks, PlanResolver planResolver, EventOutbox outbox) {
        this.clocks = clocks;
        this.planResolver = planResolver;
        this.outbox = outbox;
    }

    /**
     * Starts a case's first-response clock at the moment the case was opened, timed by its organization's plan.
     * A case has one such clock: a second start (the same case announced again under another event id) is ignored.
     */
    @Transactional
    public Optional<SlaClock> startFirstResponse(UUID caseId, String organization, Priority priority, Instant openedAt) {
        if (clocks.exists(caseId, Metric.FIRST_RESPONSE)) {
            LOG.infof("Case %s already has a first-response clock", caseId);
            return Optional.empty();
        }
        Plan plan = planResolver.planFor(organization);
        SlaClock clock = SlaClock.startFirstResponse(caseId, organization, priority, plan, openedAt);
        clocks.persist(clock);
        outbox.record(ClockStarted.TYPE, caseId.toString(), ClockStarted.of(clock));
        return Optional.of(clock);
    }

    @Transactional
    public List<SlaClock> clocksOf(UUID caseId) {
        return clocks.listByCase(caseId);
    }
}
