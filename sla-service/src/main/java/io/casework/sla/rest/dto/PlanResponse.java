package io.casework.sla.rest.dto;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.Plan;
import io.casework.sla.domain.Priority;

@Schema(description = "A support plan (entitlement)")
public record PlanResponse(
        @Schema(examples = "premier") String id,
        @Schema(examples = "Premier") String name,
        @Schema(description = "Whether customers on this plan may escalate a case") boolean escalationAllowed,
        @Schema(description = "Whether 24/7 handling of Critical and Severe cases was bought") boolean aroundTheClockCritical,
        @Schema(description = "Calendar of BUSINESS_HOURS targets", examples = "americas") String calendar,
        @Schema(description = "Whether chat support is included") boolean chatSupport,
        @Schema(description = "Whether phone support is included") boolean phoneSupport,
        @Schema(description = "Revision; also the ETag", examples = "1") long version,
        @Schema(description = "The targets of each priority, P1 first") List<Target> targets) {

    @Schema(name = "PlanTarget", description = "Targets of one priority")
    public record Target(
            @Schema(examples = "P1") String priority,
            @Schema(examples = "CRITICAL") String severity,
            @Schema(description = "ISO-8601; days are working days on BUSINESS_HOURS", examples = "PT1H") String firstResponse,
            @Schema(description = "ISO-8601; most time between public updates", examples = "PT2H") String periodicUpdate,
            @Schema(description = "ALWAYS (24/7) or BUSINESS_HOURS", examples = "ALWAYS") String clock,
            @Schema(description = "Whether the 24/7 add-on makes this level run round the clock") boolean aroundTheClock) {
    }

    public static PlanResponse from(Plan plan) {
        List<Target> targets = plan.targets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Priority::level)))
                .map(e -> new Target(e.getKey().code(), e.getKey().severity(), e.getValue().firstResponse().toString(),
                        e.getValue().periodicUpdate().toString(), e.getValue().clock().name(),
                        plan.aroundTheClock(e.getKey())))
                .toList();
        return new PlanResponse(plan.id, plan.name, plan.escalationAllowed, plan.aroundTheClockCritical, plan.calendarId,
                plan.chatSupport, plan.phoneSupport, plan.version, targets);
    }
}
