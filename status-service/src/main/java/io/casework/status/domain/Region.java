package io.casework.status.domain;

/** Support regions (seed 003), each with its own business calendar in sla-service. */
public enum Region {
    APJ,
    ISRAEL,
    EMEA,
    AMERICAS
}
