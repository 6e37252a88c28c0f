package io.casework.sla.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.SlaClock;

@Schema(description = "An SLA clock of a case")
public record ClockResponse(
        UUID caseId,
        @Schema(description = "What is measured", examples = "FIRST_RESPONSE") String metric,
        @Schema(examples = "acme") String organization,
        @Schema(examples = "P1") String priority,
        @Schema(examples = "CRITICAL") String severity,
        @Schema(description = "Plan the target was taken from when the clock started", examples = "premier") String plan,
        @Schema(description = "ALWAYS: measured 24/7", examples = "ALWAYS") String clock,
        @Schema(examples = "RUNNING") String state,
        @Schema(description = "When the case was opened") Instant startedAt,
        @Schema(description = "When the target falls due") Instant targetAt) {

    public static ClockResponse from(SlaClock c) {
        return new ClockResponse(c.caseId, c.metric.name(), c.organization, c.priority.code(), c.priority.severity(),
                c.planId, c.clock.name(), c.state.name(), c.startedAt, c.targetAt);
    }
}
