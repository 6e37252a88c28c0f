package io.casework.sla.rest.dto;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A case's SLA: every target with its due time, state and business time elapsed and remaining")
public record CaseSlaResponse(
        UUID caseId,
        @Schema(examples = "acme") String organization,
        @Schema(examples = "P1") String priority,
        @Schema(examples = "CRITICAL") String severity,
        @Schema(description = "Plan and revision the case's terms come from", examples = "premier") String plan,
        @Schema(examples = "3") long planVersion,
        @Schema(description = "The case's state as last reported by case-service", examples = "IN_PROGRESS") String caseState,
        @Schema(description = "When these figures were computed") Instant asOf,
        List<Target> targets) {

    @Schema(name = "SlaTarget", description = "One target", requiredProperties = { "metric", "cycle", "state", "clock",
            "calendar", "target", "startedAt", "dueAt", "warnAt", "elapsed", "remaining", "completedAt", "breachedAt",
            "stoppedAt" })
    public record Target(
            @Schema(examples = "FIRST_RESPONSE", enumeration = { "FIRST_RESPONSE", "PERIODIC_UPDATE" }) String metric,
            @Schema(description = "0 for the first response; 1, 2, ... for periodic-update cycles") int cycle,
            @Schema(enumeration = { "RUNNING", "PAUSED", "MET", "BREACHED", "STOPPED" }) String state,
            @Schema(description = "ALWAYS or BUSINESS_HOURS") String clock,
            @Schema(examples = "americas") String calendar,
            @Schema(description = "The target, ISO-8601; days are working days on business calendars", examples = "PT4H")
            String target,
            Instant startedAt,
            @Schema(description = "Due time; null while paused or stopped", nullable = true) Instant dueAt,
            @Schema(description = "When the warning falls due or fell due; null without one", nullable = true) Instant warnAt,
            @Schema(type = SchemaType.STRING, examples = "PT1H30M") Duration elapsed,
            @Schema(type = SchemaType.STRING, examples = "PT2H30M") Duration remaining,
            @Schema(description = "When support answered it; null until then", nullable = true) Instant completedAt,
            @Schema(description = "When it was missed; null unless breached", nullable = true) Instant breachedAt,
            @Schema(description = "When it stopped counting (case closed); null until then", nullable = true)
            Instant stoppedAt) {
    }
}
