package io.casework.sla.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.sla.domain.CaseSla;
import io.casework.sla.domain.SlaClock;

/**
 * {@code io.casework.sla.targets-set}: a case's open targets with their due times, whenever they are set or move
 * (case opened, priority changed, clocks resumed, a new periodic-update cycle).
 * Contract: docs/events/schemas/io.casework.sla.targets-set.json
 */
public record TargetsSet(
        UUID caseId,
        String organization,
        String priority,
        String plan,
        long planVersion,
        String reason,
        Instant setAt,
        List<Target> targets) {

    public static final String TYPE = "io.casework.sla.targets-set";

    public record Target(String metric, int cycle, String state, String calendar, String target, Instant dueAt,
            Instant warnAt) {
    }

    public static TargetsSet of(CaseSla supportCase, String reason, Instant at, List<SlaClock> clocks) {
        return new TargetsSet(supportCase.caseId, supportCase.organization, supportCase.priority.code(),
                supportCase.planId, supportCase.planVersion, reason, at, clocks.stream()
                        .map(c -> new Target(c.metric.name(), c.cycle, c.state.name(), c.calendarId, c.target.toString(),
                                c.dueAt, c.warnAt))
                        .toList());
    }
}
