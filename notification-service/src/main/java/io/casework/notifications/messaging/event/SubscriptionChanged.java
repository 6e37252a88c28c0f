package io.casework.notifications.messaging.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.status.subscription-added} and {@code subscription-removed}: someone pressed "Me too" on
 * a known issue, or left it. Contracts: docs/events/schemas/io.casework.status.subscription-*.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionChanged(
        UUID incidentId,
        String incidentNumber,
        String title,
        String subscriberEmail,
        Instant subscribedAt,
        Instant removedAt) {

    public static final String ADDED = "io.casework.status.subscription-added";
    public static final String REMOVED = "io.casework.status.subscription-removed";
}
