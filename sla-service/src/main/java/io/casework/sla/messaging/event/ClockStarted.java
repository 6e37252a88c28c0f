package io.casework.sla.messaging.event;

import java.time.Instant;
import java.util.UUID;

import io.casework.sla.domain.SlaClock;

/**
 * {@code io.casework.sla.clock-started}: an SLA clock started for a case.
 * Contract: docs/events/schemas/io.casework.sla.clock-started.json
 */
public record ClockStarted(
        UUID caseId,
        String metric,
        String priority,
        Instant startedAt,
        Instant targetAt,
        String plan,
        String organization) {

    public static final String TYPE = "io.casework.sla.clock-started";

    public static ClockStarted of(SlaClock clock) {
        return new ClockStarted(clock.caseId, clock.metric.name(), clock.priority.code(), clock.startedAt,
                clock.targetAt, clock.planId, clock.organization);
    }
}
