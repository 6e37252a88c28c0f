package io.casework.sla.messaging.event;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.casework.sla.domain.Plan;
import io.casework.sla.domain.PlanTarget;
import io.casework.sla.domain.Priority;

/**
 * {@code io.casework.sla.plan-updated}: a plan was created or replaced; carries the whole new revision.
 * Contract: docs/events/schemas/io.casework.sla.plan-updated.json
 */
public record PlanUpdated(
        String planId,
        String name,
        boolean escalationAllowed,
        boolean aroundTheClockCritical,
        String calendar,
        boolean chatSupport,
        boolean phoneSupport,
        long version,
        List<Target> targets,
        String updatedBy) {

    public static final String TYPE = "io.casework.sla.plan-updated";

    public record Target(String priority, String firstResponse, String periodicUpdate, String clock) {
    }

    public static PlanUpdated of(Plan plan, String updatedBy) {
        List<Target> targets = plan.targets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Priority::level)))
                .map(e -> target(e.getKey(), e.getValue()))
                .toList();
        return new PlanUpdated(plan.id, plan.name, plan.escalationAllowed, plan.aroundTheClockCritical, plan.calendarId,
                plan.chatSupport, plan.phoneSupport, plan.version,
                targets, updatedBy);
    }

    private static Target target(Priority priority, PlanTarget target) {
        return new Target(priority.code(), target.firstResponse().toString(), target.periodicUpdate().toString(),
                target.clock().name());
    }
}
