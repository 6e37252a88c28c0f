package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code io.casework.sla.targets-set}, as far as case-service reads it: the current first-response due time. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaTargetsSet(UUID caseId, List<Target> targets) {

    public static final String TYPE = "io.casework.sla.targets-set";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String metric, String state, Instant dueAt) {
    }
}
