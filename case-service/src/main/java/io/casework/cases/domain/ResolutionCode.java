package io.casework.cases.domain;

/** How a case was resolved (seeds 000 and 004). */
public enum ResolutionCode {
    /** Resolved or question answered. */
    RESOLVED,
    /** A missing feature: recorded as a feature request. */
    FEATURE_REQUEST,
    /** Could not be reproduced; recommendations given. */
    CANNOT_REPRODUCE,
    /** Belongs to a third-party product team. */
    THIRD_PARTY,
    /** Out of scope or unsupported. */
    OUT_OF_SCOPE,
    /** An outage that is now resolved (service credit or incident report on request). */
    OUTAGE_RESOLVED
}
