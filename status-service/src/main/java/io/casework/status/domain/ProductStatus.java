package io.casework.status.domain;

/** A product's current status, from best to worst (the order matters: the worst open incident wins). */
public enum ProductStatus {
    OPERATIONAL,
    UNDER_MAINTENANCE,
    DEGRADED,
    PARTIAL_OUTAGE,
    MAJOR_OUTAGE
}
