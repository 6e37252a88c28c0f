package io.casework.sla.domain.calendar;

/** What a date override does to its date. */
public enum OverrideKind {
    /** An extra closed day (e.g. an office move). */
    CLOSED,
    /** A working day with other hours (e.g. closing at 13:00 before a holiday). */
    SHORTENED,
    /** An extra working day on a weekend or a holiday (standard hours unless given). */
    WORKING
}
