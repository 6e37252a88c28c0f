package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.status.postmortem-published}: the report of a resolved incident, as far as notification-service
 * reads it (tolerant reader). Contract: docs/events/schemas/io.casework.status.postmortem-published.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostmortemPublished(
        UUID incidentId,
        String number,
        String title,
        List<String> affectedProducts,
        String url,
        String summary,
        Instant publishedAt) {

    public static final String TYPE = "io.casework.status.postmortem-published";
}
