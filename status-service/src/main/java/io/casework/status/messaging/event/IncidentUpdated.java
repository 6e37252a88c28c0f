package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentState;

/**
 * {@code io.casework.status.incident-updated}: an update was added to an incident's timeline.
 * Contract: docs/events/schemas/io.casework.status.incident-updated.json
 */
public record IncidentUpdated(
        UUID incidentId,
        String number,
        String kind,
        String title,
        String severity,
        String impact,
        String visibility,
        String state,
        String previousState,
        int seq,
        String message,
        String author,
        List<String> affectedProducts,
        List<String> regions,
        Instant updatedAt,
        Instant resolvedAt) {

    public static final String TYPE = "io.casework.status.incident-updated";

    /** The incident's latest update, numbered {@code seq}, that moved it from {@code previousState}. */
    public static IncidentUpdated of(Incident incident, IncidentState previousState, int seq) {
        var update = incident.updates.get(seq - 1);
        return new IncidentUpdated(incident.id, incident.number, incident.kind.name(), incident.title,
                incident.severity.name(), incident.impact.name(), incident.visibility.name(), incident.state.name(),
                previousState.name(), seq, update.message(), update.author(), incident.affectedProductIds(),
                incident.sortedRegions().stream().map(Enum::name).toList(), update.createdAt(), incident.resolvedAt);
    }
}
