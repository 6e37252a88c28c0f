package io.casework.sla.messaging.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.casework.sla.domain.Priority;

/** {@code io.casework.case.opened}, as far as sla-service reads it (tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(UUID caseId, String organization, String product, Priority priority, Instant createdAt,
        /** A sandbox case; absent (false) in events from before the flag. */
        Boolean testCase) {

    public static final String TYPE = "io.casework.case.opened";
}
