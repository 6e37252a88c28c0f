package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.sla.targets-set}, as far as notification-service reads it (tolerant reader).
 * Contract: docs/events/schemas/io.casework.sla.targets-set.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaTargetsSet(UUID caseId, String organization, String priority, String reason, List<Target> targets) {

    public static final String TYPE = "io.casework.sla.targets-set";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String metric, int cycle, String state, String target, Instant dueAt) {
    }
}
