package io.casework.notifications.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.notifications.domain.Webhook;

@Schema(description = "A registered webhook; its signing secret is shown only when it is registered")
public record WebhookResponse(
        UUID id,
        @Schema(description = "The partner organization it belongs to", examples = "resellco") String organization,
        @Schema(examples = "https://partner.example/casework/events") String url,
        @Schema(examples = "[\"io.casework.case.opened\"]") List<String> eventTypes,
        @Schema(description = "What the partner noted about it; null without", nullable = true) String description,
        @Schema(examples = "rita@resellco.example") String createdBy,
        Instant createdAt) {

    public static WebhookResponse from(Webhook w) {
        return new WebhookResponse(w.id, w.organization, w.url, w.eventTypeList(), w.description, w.createdBy, w.createdAt);
    }
}
