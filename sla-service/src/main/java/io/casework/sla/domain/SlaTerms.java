package io.casework.sla.domain;

import java.util.EnumMap;
import java.util.Map;

import io.casework.sla.domain.calendar.BusinessDuration;
import io.casework.sla.domain.calendar.Calendars;

/**
 * What a case was promised, per priority, as resolved from its plan revision when it was opened: durations and the
 * calendar each runs on. Kept with the case so that a priority change recomputes from the same promise.
 */
public record SlaTerms(Map<Priority, Term> byPriority) {

    public record Term(BusinessDuration firstResponse, BusinessDuration periodicUpdate, String calendar) {

        public BusinessDuration duration(Metric metric) {
            return metric == Metric.FIRST_RESPONSE ? firstResponse : periodicUpdate;
        }
    }

    /** Resolves a plan for an organization whose business hours follow {@code calendar}. */
    public static SlaTerms of(Plan plan, String calendar) {
        Map<Priority, Term> terms = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            PlanTarget target = plan.target(priority);
            terms.put(priority, new Term(target.firstResponse(), target.periodicUpdate(),
                    plan.aroundTheClock(priority) ? Calendars.ROUND_THE_CLOCK : calendar));
        }
        return new SlaTerms(terms);
    }

    public Term of(Priority priority) {
        return byPriority.get(priority);
    }
}
