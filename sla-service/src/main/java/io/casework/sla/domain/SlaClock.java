package io.casework.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.domain.calendar.BusinessDuration;
import io.casework.sla.domain.calendar.Calendars;
import io.casework.sla.persistence.BusinessDurationConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One SLA target of one case (the first response, or one periodic-update cycle), timed in business time on its
 * calendar. Business time already spent is kept in {@link #elapsedNanos}; while running, the time since
 * {@link #runningSince} adds to it. Due and warning instants are derived from both, so pausing, resuming and
 * changing the target keep what was spent. {@link #nextFireAt} is when the scheduler must look at it next.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;

    @Column(nullable = false)
    public int cycle;

    @Column(nullable = false)
    public String organization;

    public String product;

    /** Of a sandbox case (copied from its CaseSla): its targets count in no report or metric. */
    @Column(name = "test_case", nullable = false)
    public boolean testCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "plan_version", nullable = false)
    public long planVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetClock clock;

    @Column(name = "calendar_id", nullable = false)
    public String calendarId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockState state;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Convert(converter = BusinessDurationConverter.class)
    @Column(nullable = false)
    public BusinessDuration target;

    @Column(name = "target_nanos", nullable = false)
    public long targetNanos;

    @Column(name = "elapsed_nanos", nullable = false)
    public long elapsedNanos;

    @Column(name = "running_since")
    public Instant runningSince;

    /** Due time; null while paused or stopped (it depends on when the clock resumes). */
    @Column(name = "target_at")
    public Instant dueAt;

    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Column(name = "next_fire_at")
    public Instant nextFireAt;

    @Version
    public long version;

    public static SlaClock start(CaseSla supportCase, Metric metric, int cycle, Instant at, BusinessCalendar calendar,
            double warnShare) {
        SlaTerms.Term term = supportCase.terms.of(supportCase.priority);
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.caseId = supportCase.caseId;
        clock.metric = metric;
        clock.cycle = cycle;
        clock.organization = supportCase.organization;
        clock.product = supportCase.product;
        clock.testCase = supportCase.testCase;
        clock.priority = supportCase.priority;
        clock.planId = supportCase.planId;
        clock.planVersion = supportCase.planVersion;
        clock.calendarId = term.calendar();
        clock.clock = Calendars.ROUND_THE_CLOCK.equals(term.calendar()) ? TargetClock.ALWAYS : TargetClock.BUSINESS_HOURS;
        clock.target = term.duration(metric);
        clock.targetNanos = clock.target.toNanos(calendar.dayLength());
        clock.startedAt = at;
        clock.state = ClockState.RUNNING;
        clock.runningSince = at;
        clock.schedule(calendar, warnShare);
        return clock;
    }

    /** Not yet answered and not stopped: pausing, resuming and retargeting still apply (also once breached). */
    public boolean open() {
        return completedAt == null && stoppedAt == null;
    }

    public long elapsedNanos(Instant now, BusinessCalendar calendar) {
        return runningSince == null || !now.isAfter(runningSince) ? elapsedNanos
                : elapsedNanos + calendar.businessNanos(BusinessCalendar.toNanos(runningSince), BusinessCalendar.toNanos(now));
    }

    public Duration elapsed(Instant now, BusinessCalendar calendar) {
        return Duration.ofNanos(elapsedNanos(now, calendar));
    }

    public Duration remaining(Instant now, BusinessCalendar calendar) {
        return Duration.ofNanos(Math.max(0, targetNanos - elapsedNanos(now, calendar)));
    }

    /** Stops counting (case waiting on the customer); true when it was counting. */
    public boolean pause(Instant at, BusinessCalendar calendar) {
        if (!open() || runningSince == null) {
            return false;
        }
        accumulate(at, calendar);
        if (state == ClockState.RUNNING) {
            state = ClockState.PAUSED;
        }
        dueAt = null;
        warnAt = null;
        nextFireAt = null;
        return true;
    }

    /** Counts again from {@code at} (after a pause, or a reopen after close); true when it was not counting. */
    public boolean resume(Instant at, BusinessCalendar calendar, double warnShare) {
        if (completedAt != null || runningSince != null) {
            return false;
        }
        stoppedAt = null;
        if (state == ClockState.PAUSED || state == ClockState.STOPPED) {
            state = ClockState.RUNNING;
        }
        runningSince = at;
        schedule(calendar, warnShare);
        return true;
    }

    /**
     * Another priority: a new target (possibly on another calendar, e.g. when the 24/7 add-on covers the new level),
     * the business time already spent kept.
     */
    public void retarget(Priority newPriority, BusinessDuration newTarget, String newCalendarId, Instant at,
            BusinessCalendar oldCalendar, BusinessCalendar newCalendar, double warnShare) {
        boolean counting = runningSince != null;
        if (counting) {
            accumulate(at, oldCalendar);
            runningSince = at;
        }
        priority = newPriority;
        target = newTarget;
        calendarId = newCalendarId;
        clock = Calendars.ROUND_THE_CLOCK.equals(newCalendarId) ? TargetClock.ALWAYS : TargetClock.BUSINESS_HOURS;
        targetNanos = newTarget.toNanos(newCalendar.dayLength());
        if (counting) {
            schedule(newCalendar, warnShare);
        }
    }

    /** Answered at {@code at}: MET within the target, else BREACHED. Returns the state it ends in. */
    public ClockState complete(Instant at, BusinessCalendar calendar) {
        accumulate(at, calendar);
        completedAt = at;
        nextFireAt = null;
        if (state == ClockState.RUNNING || state == ClockState.PAUSED) {
            if (elapsedNanos <= targetNanos) {
                state = ClockState.MET;
            } else {
                state = ClockState.BREACHED;
                breachedAt = at;
            }
        }
        return state;
    }

    /** The case closed: no more counting, no more events. */
    public void stop(Instant at, BusinessCalendar calendar) {
        if (!open()) {
            return;
        }
        if (runningSince != null) {
            accumulate(at, calendar);
        }
        stoppedAt = at;
        if (state == ClockState.RUNNING || state == ClockState.PAUSED) {
            state = ClockState.STOPPED;
        }
        dueAt = null;
        warnAt = null;
        nextFireAt = null;
    }

    /** What the scheduler found due at {@code now}. */
    public enum Firing {
        WARNING, BREACH
    }

    /** Applies what is due at {@code now}: the warning and/or the breach, each once. */
    public EnumSet<Firing> fire(Instant now, BusinessCalendar calendar, double warnShare) {
        EnumSet<Firing> fired = EnumSet.noneOf(Firing.class);
        if (state != ClockState.RUNNING || runningSince == null) {
            nextFireAt = null;
            return fired;
        }
        if (warnedAt == null && warnAt != null && !warnAt.isAfter(now)) {
            warnedAt = now;
            fired.add(Firing.WARNING);
        }
        if (dueAt != null && !dueAt.isAfter(now)) {
            state = ClockState.BREACHED;
            breachedAt = dueAt;
            fired.add(Firing.BREACH);
            // A breach implies the warning: never announce a warning after it.
            if (warnedAt == null) {
                warnedAt = now;
            }
        }
        nextFireAt = nextFire();
        return fired;
    }

    private void accumulate(Instant at, BusinessCalendar calendar) {
        elapsedNanos = elapsedNanos(at, calendar);
        runningSince = null;
    }

    private void schedule(BusinessCalendar calendar, double warnShare) {
        long from = BusinessCalendar.toNanos(runningSince);
        dueAt = BusinessCalendar.fromNanos(calendar.deadlineNanos(from, Math.max(0, targetNanos - elapsedNanos)));
        long warnNanos = Math.round(targetNanos * warnShare);
        warnAt = warnedAt != null ? null
                : BusinessCalendar.fromNanos(calendar.deadlineNanos(from, Math.max(0, warnNanos - elapsedNanos)));
        nextFireAt = nextFire();
    }

    private Instant nextFire() {
        if (state != ClockState.RUNNING || runningSince == null) {
            return null;
        }
        Instant next = dueAt;
        if (warnedAt == null && warnAt != null && (next == null || warnAt.isBefore(next))) {
            next = warnAt;
        }
        return next;
    }
}
