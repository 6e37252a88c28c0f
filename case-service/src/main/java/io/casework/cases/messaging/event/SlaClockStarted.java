package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code io.casework.sla.clock-started}, as far as case-service reads it (tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaClockStarted(UUID caseId, String metric, Instant targetAt) {

    public static final String TYPE = "io.casework.sla.clock-started";
}
