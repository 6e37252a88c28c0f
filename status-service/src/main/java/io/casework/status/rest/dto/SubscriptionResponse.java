package io.casework.status.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.service.SubscriptionService.Subscribed;

@Schema(description = "The caller's \"Me too\" on a known issue: a case linked to it is opened for them and its updates are mailed to them")
public record SubscriptionResponse(
        UUID incidentId,
        @Schema(examples = "I-2026-0001") String incidentNumber,
        @Schema(examples = "bob@acme.example") String email,
        @Schema(examples = "acme") String organization,
        Instant subscribedAt) {

    public static SubscriptionResponse from(Subscribed subscribed) {
        return new SubscriptionResponse(subscribed.incident().id, subscribed.incident().number,
                subscribed.subscription().subscriberEmail, subscribed.subscription().organization,
                subscribed.subscription().subscribedAt);
    }
}
