package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.status.domain.Incident;

/**
 * {@code io.casework.status.incident-published}: an incident (known issue) or maintenance was published,
 * directly or by publishing a draft.
 * Contract: docs/events/schemas/io.casework.status.incident-published.json
 */
public record IncidentPublished(
        UUID incidentId,
        String number,
        String kind,
        String title,
        String summary,
        String severity,
        String impact,
        String visibility,
        String state,
        List<String> affectedProducts,
        List<String> regions,
        String message,
        String author,
        Instant begin,
        MaintenanceWindow maintenanceWindow,
        Instant createdAt,
        Instant publishedAt) {

    public static final String TYPE = "io.casework.status.incident-published";

    public record MaintenanceWindow(Instant start, Instant end) {

        static MaintenanceWindow of(Incident incident) {
            return incident.windowStart == null ? null : new MaintenanceWindow(incident.windowStart, incident.windowEnd);
        }
    }

    public static IncidentPublished of(Incident incident) {
        var first = incident.updates.getFirst();
        return new IncidentPublished(incident.id, incident.number, incident.kind.name(), incident.title,
                incident.summary, incident.severity.name(), incident.impact.name(), incident.visibility.name(),
                incident.state.name(), incident.affectedProductIds(),
                incident.sortedRegions().stream().map(Enum::name).toList(), first.message(), first.author(),
                incident.begin, MaintenanceWindow.of(incident), incident.createdAt, first.createdAt());
    }
}
