package io.casework.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.casework.sla.domain.calendar.BusinessDuration;

class PlanTest {

    static final Map<Priority, PlanTarget> TARGETS = Map.of(
            Priority.P1, target("PT1H", "PT2H", TargetClock.ALWAYS),
            Priority.P2, target("PT2H", "PT4H", TargetClock.ALWAYS),
            Priority.P3, target("PT8H", "P1D", TargetClock.BUSINESS_HOURS),
            Priority.P4, target("P1D", "P2D", TargetClock.BUSINESS_HOURS));

    static PlanTarget target(String firstResponse, String periodicUpdate, TargetClock clock) {
        return new PlanTarget(BusinessDuration.parse(firstResponse), BusinessDuration.parse(periodicUpdate), clock);
    }

    @Test
    void everyDefinitionIsANewRevision() {
        Plan plan = Plan.create("gold");
        plan.define("Gold", true, false, "americas", true, false, TARGETS);
        assertEquals(1, plan.version);
        plan.define("Gold", true, false, "americas", true, false, TARGETS);
        assertEquals(2, plan.version);
    }

    @Test
    void aPlanNeedsATargetForEveryPriority() {
        Plan plan = Plan.create("gold");
        assertThrows(IllegalArgumentException.class, () -> plan.define("Gold", false, false, "americas", false, false,
                Map.of(Priority.P1, TARGETS.get(Priority.P1))));
    }

    @Test
    void targetsArePositiveDurations() {
        assertThrows(IllegalArgumentException.class, () -> target("PT0S", "PT1H", TargetClock.ALWAYS));
        assertThrows(IllegalArgumentException.class, () -> target("PT1H", "P0D", TargetClock.ALWAYS));
    }

    @Test
    void theAroundTheClockAddOnMakesLevelsOneAndTwoRun24x7() {
        Plan plan = Plan.create("gold");
        Map<Priority, PlanTarget> business = Map.of(
                Priority.P1, target("PT1H", "PT2H", TargetClock.BUSINESS_HOURS),
                Priority.P2, target("PT2H", "PT4H", TargetClock.BUSINESS_HOURS),
                Priority.P3, target("PT8H", "P1D", TargetClock.BUSINESS_HOURS),
                Priority.P4, target("P1D", "P2D", TargetClock.BUSINESS_HOURS));
        plan.define("Gold", true, true, "emea", true, true, business);
        assertTrue(plan.aroundTheClock(Priority.P1));
        assertTrue(plan.aroundTheClock(Priority.P2));
        assertFalse(plan.aroundTheClock(Priority.P3));
        SlaTerms terms = SlaTerms.of(plan, "apj");
        assertEquals("24x7", terms.of(Priority.P2).calendar());
        assertEquals("apj", terms.of(Priority.P4).calendar());
    }
}
