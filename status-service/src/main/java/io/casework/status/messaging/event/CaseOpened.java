package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code io.casework.case.opened}, as far as status-service reads it (tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(UUID caseId, String organization, String product, Instant createdAt,
        /** A sandbox case; absent (false) in events from before the flag. */
        Boolean testCase) {

    public static final String TYPE = "io.casework.case.opened";
}
