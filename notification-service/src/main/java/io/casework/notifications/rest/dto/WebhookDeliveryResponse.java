package io.casework.notifications.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.notifications.domain.WebhookDelivery;
import io.casework.notifications.domain.WebhookDeliveryStatus;

@Schema(description = "One event sent (or being sent) to one webhook; the body is the event itself")
public record WebhookDeliveryResponse(
        UUID id,
        UUID webhookId,
        @Schema(description = "The CloudEvent id, also sent as Webhook-Id") String eventId,
        @Schema(examples = "io.casework.case.opened") String eventType,
        @Schema(description = "The case; null for test events", nullable = true) UUID caseId,
        @Schema(description = "PENDING before the first attempt; SUCCEEDED on a 2xx answer; FAILED while retries go on; DEAD after the last",
                examples = "SUCCEEDED") String status,
        @Schema(description = "Attempts started so far", examples = "1") int attempts,
        @Schema(description = "HTTP status of the last answer; null before one", examples = "200", nullable = true)
        Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed; null when none failed", examples = "HTTP 503", nullable = true)
        String lastError,
        @Schema(description = "When the next attempt is due, while PENDING or FAILED; else null", nullable = true)
        Instant nextAttemptAt,
        Instant createdAt,
        @Schema(description = "When a 2xx answer came; null until then", nullable = true) Instant deliveredAt) {

    public static WebhookDeliveryResponse from(WebhookDelivery d) {
        boolean due = d.status == WebhookDeliveryStatus.PENDING || d.status == WebhookDeliveryStatus.FAILED;
        return new WebhookDeliveryResponse(d.id, d.webhookId, d.eventId, d.eventType, d.caseId, d.status.name(), d.attempt,
                d.lastStatusCode, d.lastError, due ? d.nextAttemptAt : null, d.createdAt, d.deliveredAt);
    }
}
