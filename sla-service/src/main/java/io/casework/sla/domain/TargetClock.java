package io.casework.sla.domain;

/**
 * The clock a target's duration is measured on. Only round-the-clock time exists until business calendars
 * arrive; they add {@code BUSINESS_HOURS} here, in {@link PlanTarget#dueFrom} and in the {@code clock} column.
 */
public enum TargetClock {
    /** 24/7: every hour counts. */
    ALWAYS
}
