package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.status.incident-published} and {@code incident-updated}, as far as notification-service
 * reads them (tolerant reader). Contracts: docs/events/schemas/io.casework.status.incident-*.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentChanged(
        UUID incidentId,
        String number,
        String kind,
        String title,
        String summary,
        String severity,
        String impact,
        String state,
        String message,
        List<String> affectedProducts,
        List<String> regions,
        Instant publishedAt,
        Instant updatedAt,
        Instant resolvedAt) {

    public static final String PUBLISHED = "io.casework.status.incident-published";
    public static final String UPDATED = "io.casework.status.incident-updated";

    public boolean resolved() {
        return "RESOLVED".equals(state);
    }
}
