package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentSubscription;

/**
 * {@code io.casework.status.subscription-added}: a user pressed "Me too" on a known issue. case-service opens
 * one case linked to it for them; notification-service sends them its updates. Sent once per subscription.
 * Contract: docs/events/schemas/io.casework.status.subscription-added.json
 */
public record SubscriptionAdded(
        UUID incidentId,
        String incidentNumber,
        String title,
        String summary,
        String impact,
        String severity,
        List<String> affectedProducts,
        String subscriberEmail,
        String subscriberOrganization,
        Instant subscribedAt) {

    public static final String TYPE = "io.casework.status.subscription-added";

    public static SubscriptionAdded of(Incident incident, IncidentSubscription subscription) {
        return new SubscriptionAdded(incident.id, incident.number, incident.title, incident.summary,
                incident.impact.name(), incident.severity.name(), incident.affectedProductIds(),
                subscription.subscriberEmail, subscription.organization, subscription.subscribedAt);
    }
}
