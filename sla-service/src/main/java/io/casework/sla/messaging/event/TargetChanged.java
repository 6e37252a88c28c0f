package io.casework.sla.messaging.event;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.casework.sla.domain.SlaClock;

/**
 * What happened to one target: {@code io.casework.sla.warning}, {@code .breached}, {@code .met}, {@code .paused},
 * {@code .resumed} share this shape. Each is recorded once per target and transition, in the transaction that made
 * the transition (outbox), so several instances and restarts never repeat or lose one.
 * Contracts: docs/events/schemas/io.casework.sla.{warning,breached,met,paused,resumed}.json
 *
 * @param occurredAt when it happened: the warning threshold or due time reached, the response, the pause or resume
 * @param dueAt the due time (null while paused)
 * @param reason for paused/resumed: the case state that caused it
 * @param testCase the target is a sandbox case's: page no one, count it nowhere
 */
public record TargetChanged(
        UUID caseId,
        String organization,
        String product,
        String priority,
        String metric,
        int cycle,
        String calendar,
        String target,
        Instant dueAt,
        Instant occurredAt,
        Duration elapsed,
        Duration remaining,
        String reason,
        boolean testCase) {

    public static final String WARNING = "io.casework.sla.warning";
    public static final String BREACHED = "io.casework.sla.breached";
    public static final String MET = "io.casework.sla.met";
    public static final String PAUSED = "io.casework.sla.paused";
    public static final String RESUMED = "io.casework.sla.resumed";

    public static TargetChanged of(SlaClock clock, Instant occurredAt, Duration elapsed, Duration remaining,
            String reason) {
        return new TargetChanged(clock.caseId, clock.organization, clock.product, clock.priority.code(),
                clock.metric.name(), clock.cycle, clock.calendarId, clock.target.toString(), clock.dueAt, occurredAt,
                elapsed, remaining, reason, clock.testCase);
    }
}
