package io.casework.sla.domain;

/** What an SLA clock measures. */
public enum Metric {
    /** From the case's creation to support's first response. */
    FIRST_RESPONSE
}
