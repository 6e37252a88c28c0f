package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.status.domain.Incident;

/**
 * {@code io.casework.status.postmortem-published}: the incident report of a resolved incident was attached
 * (or replaced), to be announced to its subscribers.
 * Contract: docs/events/schemas/io.casework.status.postmortem-published.json
 */
public record PostmortemPublished(
        UUID incidentId,
        String number,
        String title,
        String visibility,
        List<String> affectedProducts,
        String url,
        String summary,
        String author,
        Instant publishedAt) {

    public static final String TYPE = "io.casework.status.postmortem-published";

    public static PostmortemPublished of(Incident incident, String author) {
        return new PostmortemPublished(incident.id, incident.number, incident.title, incident.visibility.name(),
                incident.affectedProductIds(), incident.postmortemUrl, incident.postmortemSummary, author,
                incident.postmortemAt);
    }
}
