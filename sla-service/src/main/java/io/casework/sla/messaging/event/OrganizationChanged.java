package io.casework.sla.messaging.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.org.created} and {@code io.casework.org.plan-changed} as far as sla-service reads them (tolerant
 * reader): both carry the organization's current state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(Organization organization, Instant at) {

    public static final String CREATED = "io.casework.org.created";
    public static final String PLAN_CHANGED = "io.casework.org.plan-changed";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(String organizationId, String planId, String region) {
    }
}
