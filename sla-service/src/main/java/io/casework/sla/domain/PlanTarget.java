package io.casework.sla.domain;

import io.casework.sla.domain.calendar.BusinessDuration;
import io.casework.sla.persistence.BusinessDurationConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A plan's targets for one priority: first response and periodic update, measured on one clock. On
 * {@link TargetClock#BUSINESS_HOURS} {@code P1D} is one working day of the calendar, on {@link TargetClock#ALWAYS} 24 hours.
 */
@Embeddable
public record PlanTarget(
        @Column(name = "first_response", nullable = false) @Convert(converter = BusinessDurationConverter.class)
        BusinessDuration firstResponse,
        @Column(name = "periodic_update", nullable = false) @Convert(converter = BusinessDurationConverter.class)
        BusinessDuration periodicUpdate,
        @Enumerated(EnumType.STRING) @Column(name = "clock", nullable = false)
        TargetClock clock) {

    public PlanTarget {
        if (firstResponse == null || firstResponse.isZero() || periodicUpdate == null || periodicUpdate.isZero()) {
            throw new IllegalArgumentException("Targets must be positive durations, not " + firstResponse + " / " + periodicUpdate);
        }
        if (clock == null) {
            throw new IllegalArgumentException("A target needs a clock");
        }
    }

    public BusinessDuration duration(Metric metric) {
        return metric == Metric.FIRST_RESPONSE ? firstResponse : periodicUpdate;
    }
}
