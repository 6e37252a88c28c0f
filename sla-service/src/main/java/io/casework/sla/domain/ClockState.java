package io.casework.sla.domain;

/** Where an SLA clock stands. Pausing, meeting and breaching arrive with business calendars. */
public enum ClockState {
    RUNNING
}
