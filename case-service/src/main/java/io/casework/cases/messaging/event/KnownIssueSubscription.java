package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code io.casework.status.subscription-added} / {@code subscription-removed} ("Me too", seed 002), as far as
 * case-service reads them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnownIssueSubscription(UUID incidentId, String incidentNumber, String title, String summary,
        String impact, String severity, List<String> affectedProducts, String subscriberEmail,
        String subscriberOrganization, Instant subscribedAt) {

    public static final String ADDED = "io.casework.status.subscription-added";
    public static final String REMOVED = "io.casework.status.subscription-removed";
}
