package io.casework.sla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.sla.config.SlaConfig;
import io.casework.sla.domain.CaseSla;
import io.casework.sla.domain.ClockState;
import io.casework.sla.domain.Metric;
import io.casework.sla.domain.Plan;
import io.casework.sla.domain.Priority;
import io.casework.sla.domain.SlaClock;
import io.casework.sla.domain.SlaTerms;
import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.messaging.event.ClockStarted;
import io.casework.sla.messaging.event.TargetChanged;
import io.casework.sla.messaging.event.TargetsSet;
import io.casework.sla.persistence.SlaClockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * SLA clocks following a case's life. Every transition writes its event to the outbox in the same transaction, so
 * an event exists exactly when its transition was committed: never twice, never lost.
 */
@ApplicationScoped
public class ClockService {

    private static final Logger LOG = Logger.getLogger(ClockService.class);

    private final SlaClockRepository clocks;
    private final PlanResolver planResolver;
    private final CalendarService calendars;
    private final EventOutbox outbox;
    private final SlaConfig config;

    ClockService(SlaClockRepository clocks, PlanResolver planResolver, CalendarService calendars, EventOutbox outbox,
            SlaConfig config) {
        this.clocks = clocks;
        this.planResolver = planResolver;
        this.calendars = calendars;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * A case was opened: its terms are fixed from the organization's plan revision and calendar, and its
     * first-response clock starts at the case's creation. A case announced again is ignored.
     */
    @Transactional
    public Optional<SlaClock> caseOpened(UUID caseId, String organization, String product, Priority priority,
            Instant openedAt) {
        return caseOpened(caseId, organization, product, priority, openedAt, false);
    }

    /**
     * As {@link #caseOpened(UUID, String, String, Priority, Instant)}; a test (sandbox) case gets its clocks like any
     * other, but they count in no report or metric and their events say testCase.
     */
    @Transactional
    public Optional<SlaClock> caseOpened(UUID caseId, String organization, String product, Priority priority,
            Instant openedAt, boolean testCase) {
        if (CaseSla.findById(caseId) != null || clocks.exists(caseId, Metric.FIRST_RESPONSE)) {
            LOG.infof("Case %s already has SLA clocks", caseId);
            return Optional.empty();
        }
        Plan plan = planResolver.planFor(organization);
        CaseSla supportCase = new CaseSla();
        supportCase.caseId = caseId;
        supportCase.organization = organization;
        supportCase.product = product;
        supportCase.testCase = testCase;
        supportCase.priority = priority;
        supportCase.planId = plan.id;
        supportCase.planVersion = plan.version;
        supportCase.terms = SlaTerms.of(plan, planResolver.calendarFor(organization, plan));
        supportCase.caseState = "NEW";
        supportCase.openedAt = openedAt;
        supportCase.persist();
        SlaClock clock = startClock(supportCase, Metric.FIRST_RESPONSE, 0, openedAt);
        outbox.record(ClockStarted.TYPE, caseId.toString(), ClockStarted.of(clock));
        outbox.record(TargetsSet.TYPE, caseId.toString(), TargetsSet.of(supportCase, "OPENED", openedAt, List.of(clock)));
        return Optional.of(clock);
    }

    /**
     * A public comment by support staff: the first one answers the first-response target, every one answers the
     * running periodic-update cycle, and each starts the next cycle.
     */
    @Transactional
    public void staffResponded(UUID caseId, boolean firstResponse, Instant at) {
        CaseSla supportCase = followed(caseId);
        if (supportCase == null) {
            return;
        }
        List<SlaClock> changed = new ArrayList<>();
        for (SlaClock clock : clocks.listOpenByCase(caseId)) {
            if (clock.metric == Metric.FIRST_RESPONSE || clock.metric == Metric.PERIODIC_UPDATE) {
                complete(clock, at);
            }
        }
        int nextCycle = clocks.lastCycle(caseId, Metric.PERIODIC_UPDATE) + 1;
        SlaClock next = startClock(supportCase, Metric.PERIODIC_UPDATE, nextCycle, at);
        if (CaseSla.pausing(supportCase.caseState)) {
            next.pause(at, calendars.calendar(next.calendarId));
        }
        changed.add(next);
        if (!firstResponse && nextCycle == 1) {
            LOG.debugf("Case %s: staff response not flagged first; it still answered the first-response target", caseId);
        }
        outbox.record(TargetsSet.TYPE, caseId.toString(), TargetsSet.of(supportCase,
                firstResponse ? "FIRST_RESPONSE" : "UPDATE", at, openClocks(caseId)));
    }

    /** The case changed state: waiting states pause, working states resume, CLOSED stops. */
    @Transactional
    public void stateChanged(UUID caseId, String to, Instant at) {
        CaseSla supportCase = followed(caseId);
        if (supportCase == null) {
            return;
        }
        supportCase.caseState = to;
        if ("CLOSED".equals(to)) {
            for (SlaClock clock : clocks.listOpenByCase(caseId)) {
                clock.stop(at, calendars.calendar(clock.calendarId));
            }
        } else if (CaseSla.pausing(to)) {
            for (SlaClock clock : clocks.listOpenByCase(caseId)) {
                BusinessCalendar calendar = calendars.calendar(clock.calendarId);
                if (clock.pause(at, calendar)) {
                    record(TargetChanged.PAUSED, clock, at, calendar, to);
                }
            }
        } else {
            boolean resumed = false;
            for (SlaClock clock : clocks.listResumableByCase(caseId)) {
                BusinessCalendar calendar = calendars.calendar(clock.calendarId);
                if (clock.resume(at, calendar, config.warningShare())) {
                    record(TargetChanged.RESUMED, clock, at, calendar, to);
                    resumed = true;
                }
            }
            if (resumed) {
                outbox.record(TargetsSet.TYPE, caseId.toString(), TargetsSet.of(supportCase, "RESUMED", at,
                        openClocks(caseId)));
            }
        }
    }

    /** Staff changed the priority: open targets take the new level's durations, the business time spent kept. */
    @Transactional
    public void priorityChanged(UUID caseId, Priority to, Instant at) {
        CaseSla supportCase = followed(caseId);
        if (supportCase == null || supportCase.priority == to) {
            return;
        }
        supportCase.priority = to;
        SlaTerms.Term term = supportCase.terms.of(to);
        for (SlaClock clock : clocks.listOpenByCase(caseId)) {
            clock.retarget(to, term.duration(clock.metric), term.calendar(), at, calendars.calendar(clock.calendarId),
                    calendars.calendar(term.calendar()), config.warningShare());
        }
        outbox.record(TargetsSet.TYPE, caseId.toString(), TargetsSet.of(supportCase, "PRIORITY_CHANGED", at,
                openClocks(caseId)));
    }

    /**
     * Fires what is due by {@code now}: claims due targets with FOR UPDATE SKIP LOCKED, so that instances running
     * side by side never take the same row, and records each warning and breach with the state change that makes
     * it impossible to fire again. The batch's clock changes and its events are written with one statement each.
     * Returns how many targets it handled.
     */
    @Transactional
    public int fireDue(Instant now, int limit) {
        List<SlaClock> due = clocks.claimDue(now, limit);
        List<EventOutbox.Outgoing> events = new ArrayList<>(due.size());
        for (SlaClock clock : due) {
            BusinessCalendar calendar = calendars.calendar(clock.calendarId);
            Instant warnAt = clock.warnAt;
            EnumSet<SlaClock.Firing> fired = clock.fire(now, calendar, config.warningShare());
            if (fired.contains(SlaClock.Firing.WARNING) && !fired.contains(SlaClock.Firing.BREACH)) {
                events.add(event(TargetChanged.WARNING, clock, warnAt, calendar, null));
            }
            if (fired.contains(SlaClock.Firing.BREACH)) {
                events.add(event(TargetChanged.BREACHED, clock, clock.dueAt, calendar, null));
            }
        }
        clocks.saveFired(due);
        outbox.recordAll(events);
        return due.size();
    }

    @Transactional
    public Optional<CaseSla> caseSla(UUID caseId) {
        return CaseSla.findByIdOptional(caseId);
    }

    @Transactional
    public List<SlaClock> clocksOf(UUID caseId) {
        return clocks.listByCase(caseId);
    }

    private SlaClock startClock(CaseSla supportCase, Metric metric, int cycle, Instant at) {
        BusinessCalendar calendar = calendars.calendar(supportCase.terms.of(supportCase.priority).calendar());
        SlaClock clock = SlaClock.start(supportCase, metric, cycle, at, calendar, config.warningShare());
        clocks.persist(clock);
        return clock;
    }

    private void complete(SlaClock clock, Instant at) {
        BusinessCalendar calendar = calendars.calendar(clock.calendarId);
        ClockState before = clock.state;
        ClockState after = clock.complete(at, calendar);
        if (after == ClockState.MET) {
            record(TargetChanged.MET, clock, at, calendar, null);
        } else if (after == ClockState.BREACHED && before != ClockState.BREACHED) {
            // Answered late before the scheduler noticed: the breach is announced now, once.
            record(TargetChanged.BREACHED, clock, at, calendar, null);
        }
    }

    private void record(String type, SlaClock clock, Instant at, BusinessCalendar calendar, String reason) {
        outbox.recordAll(List.of(event(type, clock, at, calendar, reason)));
    }

    private static EventOutbox.Outgoing event(String type, SlaClock clock, Instant at, BusinessCalendar calendar,
            String reason) {
        return new EventOutbox.Outgoing(type, clock.caseId.toString(), TargetChanged.of(clock, at,
                clock.elapsed(at, calendar), clock.remaining(at, calendar), reason));
    }

    private List<SlaClock> openClocks(UUID caseId) {
        return clocks.listOpenByCase(caseId);
    }

    private CaseSla followed(UUID caseId) {
        CaseSla supportCase = CaseSla.findById(caseId);
        if (supportCase == null) {
            LOG.infof("Case %s is not followed by sla-service (opened before it, or its case.opened went to the DLQ)",
                    caseId);
        }
        return supportCase;
    }
}
