package io.casework.status.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentSubscription;

/**
 * {@code io.casework.status.subscription-removed}: the user left the known issue and is back to individual
 * support; notification-service stops its updates for them. Sent once, when a subscription ends.
 * Contract: docs/events/schemas/io.casework.status.subscription-removed.json
 */
public record SubscriptionRemoved(
        UUID incidentId,
        String incidentNumber,
        String title,
        String impact,
        String severity,
        List<String> affectedProducts,
        String subscriberEmail,
        String subscriberOrganization,
        Instant subscribedAt,
        Instant removedAt) {

    public static final String TYPE = "io.casework.status.subscription-removed";

    public static SubscriptionRemoved of(Incident incident, IncidentSubscription subscription, Instant removedAt) {
        return new SubscriptionRemoved(incident.id, incident.number, incident.title, incident.impact.name(),
                incident.severity.name(), incident.affectedProductIds(), subscription.subscriberEmail,
                subscription.organization, subscription.subscribedAt, removedAt);
    }
}
