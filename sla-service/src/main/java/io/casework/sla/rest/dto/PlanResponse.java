package io.casework.sla.rest.dto;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.Plan;
import io.casework.sla.domain.Priority;

@Schema(description = "A support plan (entitlement)")
public record PlanResponse(
        @Schema(examples = "premier") String id,
        @Schema(examples = "Premier") String name,
        @Schema(description = "Whether customers on this plan may escalate a case") boolean escalationAllowed,
        @Schema(description = "Whether 24/7 handling of Critical and Severe cases was bought") boolean aroundTheClockCritical,
        @Schema(description = "Revision; also the ETag", examples = "1") long version,
        @Schema(description = "One first-response target per priority, P1 first") List<Target> targets) {

    @Schema(name = "PlanTarget", description = "First-response target of one priority")
    public record Target(
            @Schema(examples = "P1") String priority,
            @Schema(examples = "CRITICAL") String severity,
            @Schema(type = SchemaType.STRING, format = "duration", description = "ISO-8601 duration", examples = "PT1H")
            Duration firstResponse,
            @Schema(description = "ALWAYS: 24/7", examples = "ALWAYS") String clock) {
    }

    public static PlanResponse from(Plan plan) {
        List<Target> targets = plan.targets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Priority::level)))
                .map(e -> new Target(e.getKey().code(), e.getKey().severity(), e.getValue().firstResponse(),
                        e.getValue().clock().name()))
                .toList();
        return new PlanResponse(plan.id, plan.name, plan.escalationAllowed, plan.aroundTheClockCritical, plan.version,
                targets);
    }
}
