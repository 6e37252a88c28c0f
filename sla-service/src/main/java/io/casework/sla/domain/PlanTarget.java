package io.casework.sla.domain;

import java.time.Duration;
import java.time.Instant;

import io.casework.sla.persistence.IsoDurationConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A plan's first-response target for one priority: how long, measured on which clock. */
@Embeddable
public record PlanTarget(
        @Column(name = "first_response", nullable = false) @Convert(converter = IsoDurationConverter.class)
        Duration firstResponse,
        @Enumerated(EnumType.STRING) @Column(name = "clock", nullable = false)
        TargetClock clock) {

    public PlanTarget {
        if (firstResponse == null || firstResponse.isNegative() || firstResponse.isZero()) {
            throw new IllegalArgumentException("A first-response target must be a positive duration, not " + firstResponse);
        }
        if (clock == null) {
            throw new IllegalArgumentException("A first-response target needs a clock");
        }
    }

    /** When the target falls due for a clock started at {@code start}. */
    public Instant dueFrom(Instant start) {
        return switch (clock) {
            case ALWAYS -> start.plus(firstResponse);
        };
    }
}
