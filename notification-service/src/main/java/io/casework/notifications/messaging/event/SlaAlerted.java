package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.sla.warning} and {@code io.casework.sla.breached} (same shape), as far as
 * notification-service reads them. Contracts: docs/events/schemas/io.casework.sla.warning.json, .breached.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlaAlerted(
        UUID caseId,
        String organization,
        String product,
        String priority,
        String metric,
        int cycle,
        String calendar,
        String target,
        Instant dueAt,
        Instant occurredAt,
        String remaining,
        /** The target is a test (sandbox) case's: its mails are suppressed. Absent in events from before the flag. */
        Boolean testCase) {

    public static final String WARNING = "io.casework.sla.warning";
    public static final String BREACHED = "io.casework.sla.breached";
}
