package io.casework.sla.domain.calendar;

/** What a calendar date is: a working day, or closed and why. */
public enum DayKind {
    WORKING,
    WEEKEND,
    HOLIDAY,
    /** Closed by a date override (an extra closed day). */
    CLOSED
}
