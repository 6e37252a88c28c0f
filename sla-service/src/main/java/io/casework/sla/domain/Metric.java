package io.casework.sla.domain;

/** What an SLA target measures. */
public enum Metric {
    /** From the case's creation to support's first public response. */
    FIRST_RESPONSE,
    /** From one public staff response to the next: cycle 1 starts at the first response. */
    PERIODIC_UPDATE
}
