package io.casework.sla.rest.dto;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.casework.sla.domain.PlanTarget;
import io.casework.sla.domain.Priority;
import io.casework.sla.domain.TargetClock;
import io.casework.sla.service.PlanService.PlanDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A plan's whole definition: PUT replaces every field")
public record PutPlanRequest(
        @Schema(examples = "Enterprise") @NotBlank @Size(max = 128) String name,
        @Schema(description = "Whether customers on this plan may escalate a case") @NotNull Boolean escalationAllowed,
        @Schema(description = "Whether 24/7 handling of Critical and Severe cases was bought") @NotNull Boolean aroundTheClockCritical,
        @Schema(description = "Exactly one target for each priority P1..P4") @NotNull @OnePerPriority
        List<@NotNull @Valid Target> targets) {

    @Schema(name = "PlanTargetRequest", description = "First-response target of one priority")
    public record Target(
            @Schema(description = "P1..P4 or CRITICAL, SEVERE, MODERATE, MINOR", examples = "P1") @NotNull Priority priority,
            @Schema(type = SchemaType.STRING, format = "duration", description = "Positive ISO-8601 duration, at most a year",
                    examples = "PT1H")
            @NotNull
            @DurationMin(inclusive = false, message = "must be a positive duration such as PT4H")
            @DurationMax(days = 366, message = "must be at most a year (P366D)")
            Duration firstResponse,
            @Schema(description = "ALWAYS: measured 24/7") @NotNull TargetClock clock) {
    }

    public PlanDefinition toDefinition() {
        Map<Priority, PlanTarget> byPriority = new EnumMap<>(Priority.class);
        targets.forEach(t -> byPriority.put(t.priority(), new PlanTarget(t.firstResponse(), t.clock())));
        return new PlanDefinition(name, escalationAllowed, aroundTheClockCritical, byPriority);
    }
}
