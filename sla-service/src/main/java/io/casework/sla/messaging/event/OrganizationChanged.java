package io.casework.sla.messaging.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.org.created}, {@code io.casework.org.plan-changed} and {@code io.casework.org.announced} as far
 * as sla-service reads them (tolerant reader): each carries the organization's current state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(Organization organization, Instant at) {

    public static final String CREATED = "io.casework.org.created";
    public static final String PLAN_CHANGED = "io.casework.org.plan-changed";
    /** An organization's whole state, re-published (for every organization by case-service's V9 migration, or on request). */
    public static final String ANNOUNCED = "io.casework.org.announced";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(String organizationId, String planId, String region) {
    }
}
