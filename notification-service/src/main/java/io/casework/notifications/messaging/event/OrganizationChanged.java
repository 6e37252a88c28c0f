package io.casework.notifications.messaging.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.org.created}, {@code reseller-changed}, {@code reseller-access-changed} and {@code announced}, as
 * far as notification-service reads them (tolerant reader): who manages the organization, and since when
 * ({@code resellerSince}: announcements only). Contracts: docs/events/schemas/io.casework.org.*.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(OrganizationState organization, Instant resellerSince, Instant at) {

    public static final String CREATED = "io.casework.org.created";
    public static final String RESELLER_CHANGED = "io.casework.org.reseller-changed";
    public static final String RESELLER_ACCESS_CHANGED = "io.casework.org.reseller-access-changed";
    /** The organization's whole state, re-published (every organization by case-service's V9 migration, or on request). */
    public static final String ANNOUNCED = "io.casework.org.announced";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationState(String organizationId, String reseller, Boolean resellerAccess) {
    }
}
