package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.org.contract-lapsed} and {@code contract-renewed}, as far as notification-service reads them
 * (tolerant reader): which organization, its contract end, how many cases were put on hold (lapsed) or resumed
 * (renewed, with the end date that had passed), and the admins to tell.
 * Contracts: docs/events/schemas/io.casework.org.contract-lapsed.json and io.casework.org.contract-renewed.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractChanged(
        OrganizationState organization,
        Integer casesOnHold,
        Integer casesResumed,
        LocalDate previousContractEnd,
        List<String> admins,
        Instant at) {

    public static final String LAPSED = "io.casework.org.contract-lapsed";
    public static final String RENEWED = "io.casework.org.contract-renewed";

    /** {@code contractEnd}: the day the contract ended (lapsed) or the day it now ends (renewed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationState(String organizationId, String name, LocalDate contractEnd) {
    }
}
