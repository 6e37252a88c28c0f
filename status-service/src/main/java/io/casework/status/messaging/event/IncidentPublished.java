package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.status.domain.Incident;

/**
 * {@code io.casework.status.incident-published}: an incident (known issue) was published.
 * Contract: docs/events/schemas/io.casework.status.incident-published.json
 */
public record IncidentPublished(
        UUID incidentId,
        String number,
        String title,
        String severity,
        String state,
        List<String> affectedProducts,
        List<String> regions,
        String message,
        String author,
        Instant createdAt) {

    public static final String TYPE = "io.casework.status.incident-published";

    public static IncidentPublished of(Incident incident) {
        var first = incident.updates.getFirst();
        return new IncidentPublished(incident.id, incident.number, incident.title, incident.severity.name(),
                incident.state.name(), incident.affectedProductIds(),
                incident.sortedRegions().stream().map(Enum::name).toList(), first.message(), first.author(),
                incident.createdAt);
    }
}
