package io.casework.notifications.messaging.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.org.created}, {@code reseller-changed} and {@code reseller-access-changed}, as far as
 * notification-service reads them (tolerant reader): who manages the organization, and since when.
 * Contracts: docs/events/schemas/io.casework.org.*.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(OrganizationState organization, Instant at) {

    public static final String CREATED = "io.casework.org.created";
    public static final String RESELLER_CHANGED = "io.casework.org.reseller-changed";
    public static final String RESELLER_ACCESS_CHANGED = "io.casework.org.reseller-access-changed";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationState(String organizationId, String reseller, Boolean resellerAccess) {
    }
}
