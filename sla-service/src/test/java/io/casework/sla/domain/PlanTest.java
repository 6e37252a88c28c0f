package io.casework.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlanTest {

    static final Map<Priority, PlanTarget> TARGETS = Map.of(
            Priority.P1, new PlanTarget(Duration.ofHours(1), TargetClock.ALWAYS),
            Priority.P2, new PlanTarget(Duration.ofHours(2), TargetClock.ALWAYS),
            Priority.P3, new PlanTarget(Duration.ofHours(8), TargetClock.ALWAYS),
            Priority.P4, new PlanTarget(Duration.ofHours(24), TargetClock.ALWAYS));

    @Test
    void everyDefinitionIsANewRevision() {
        Plan plan = Plan.create("gold");
        plan.define("Gold", true, false, TARGETS);
        assertEquals(1, plan.version);
        plan.define("Gold", true, false, TARGETS);
        assertEquals(2, plan.version);
    }

    @Test
    void aPlanNeedsATargetForEveryPriority() {
        Plan plan = Plan.create("gold");
        assertThrows(IllegalArgumentException.class, () -> plan.define("Gold", false, false,
                Map.of(Priority.P1, TARGETS.get(Priority.P1))));
    }

    @Test
    void targetsArePositiveDurations() {
        assertThrows(IllegalArgumentException.class, () -> new PlanTarget(Duration.ZERO, TargetClock.ALWAYS));
        assertThrows(IllegalArgumentException.class, () -> new PlanTarget(Duration.ofHours(-1), TargetClock.ALWAYS));
    }

    @Test
    void aRoundTheClockTargetFallsDueItsDurationAfterTheStart() {
        Instant friday = Instant.parse("2026-11-20T23:30:00Z");
        assertEquals(Instant.parse("2026-11-21T03:30:00Z"),
                new PlanTarget(Duration.ofHours(4), TargetClock.ALWAYS).dueFrom(friday));
    }
}
