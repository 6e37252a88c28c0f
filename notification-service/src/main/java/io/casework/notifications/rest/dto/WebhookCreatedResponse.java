package io.casework.notifications.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.notifications.domain.Webhook;

@Schema(description = "A webhook just registered, with its signing secret: store it now, it is never shown again")
public record WebhookCreatedResponse(
        UUID id,
        @Schema(examples = "resellco") String organization,
        @Schema(examples = "https://partner.example/casework/events") String url,
        List<String> eventTypes,
        @Schema(description = "What the partner noted about it; null without", nullable = true) String description,
        String createdBy,
        Instant createdAt,
        @Schema(description = "Key of the Webhook-Signature HMAC: whsec_ + base64 of 32 random bytes, as the Standard Webhooks "
                + "libraries take it (see docs/notifications.md)",
                examples = "whsec_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=") String secret) {

    public static WebhookCreatedResponse from(Webhook w, String secret) {
        return new WebhookCreatedResponse(w.id, w.organization, w.url, w.eventTypeList(), w.description, w.createdBy,
                w.createdAt, secret);
    }
}
