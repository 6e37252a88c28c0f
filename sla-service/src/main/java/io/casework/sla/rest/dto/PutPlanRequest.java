package io.casework.sla.rest.dto;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.PlanTarget;
import io.casework.sla.domain.Priority;
import io.casework.sla.domain.TargetClock;
import io.casework.sla.domain.calendar.BusinessDuration;
import io.casework.sla.service.PlanService.PlanDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A plan's whole definition: PUT replaces every field")
public record PutPlanRequest(
        @Schema(examples = "Enterprise") @NotBlank @Size(max = 128) String name,
        @Schema(description = "Whether customers on this plan may escalate a case") @NotNull Boolean escalationAllowed,
        @Schema(description = "Whether 24/7 handling of Critical and Severe cases was bought: their targets then run "
                + "24/7 whatever their clock") @NotNull Boolean aroundTheClockCritical,
        @Schema(description = "Calendar of BUSINESS_HOURS targets for organizations without a region of their own",
                examples = "americas", enumeration = { "apj", "israel", "emea", "americas" })
        @NotNull @Pattern(regexp = "apj|israel|emea|americas", message = "must be one of apj, israel, emea, americas")
        String calendar,
        @Schema(description = "Whether chat support is included") @NotNull Boolean chatSupport,
        @Schema(description = "Whether phone support is included") @NotNull Boolean phoneSupport,
        @Schema(description = "Exactly one target for each priority P1..P4") @NotNull @OnePerPriority
        List<@NotNull @Valid Target> targets) {

    @Schema(name = "PlanTargetRequest", description = "Targets of one priority")
    public record Target(
            @Schema(description = "P1..P4 or CRITICAL, SEVERE, MODERATE, MINOR", examples = "P1") @NotNull Priority priority,
            @Schema(type = SchemaType.STRING, description = "Time to the first public response: ISO-8601 days and "
                    + "time; on BUSINESS_HOURS P1D is one working day of the calendar", examples = "PT4H")
            @NotNull @PositiveBusinessDuration BusinessDuration firstResponse,
            @Schema(type = SchemaType.STRING, description = "Most time between two public updates from support",
                    examples = "P1D")
            @NotNull @PositiveBusinessDuration BusinessDuration periodicUpdate,
            @Schema(description = "ALWAYS: 24/7; BUSINESS_HOURS: the organization's calendar, else the plan's")
            @NotNull TargetClock clock) {
    }

    public PlanDefinition toDefinition() {
        Map<Priority, PlanTarget> byPriority = new EnumMap<>(Priority.class);
        targets.forEach(t -> byPriority.put(t.priority(), new PlanTarget(t.firstResponse(), t.periodicUpdate(), t.clock())));
        return new PlanDefinition(name, escalationAllowed, aroundTheClockCritical, calendar, chatSupport, phoneSupport,
                byPriority);
    }
}
