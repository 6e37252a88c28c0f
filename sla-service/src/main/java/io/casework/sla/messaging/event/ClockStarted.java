package io.casework.sla.messaging.event;

import java.time.Instant;
import java.util.UUID;

import io.casework.sla.domain.SlaClock;

/**
 * {@code io.casework.sla.clock-started}: a case's first-response clock started (case-service sets the case's
 * first-response due time from it). Due times that move later travel in {@link TargetsSet}.
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
                clock.dueAt, clock.planId, clock.organization);
    }
}
