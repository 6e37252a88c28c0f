package io.casework.notifications.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.notifications.service.WebhookService;

@Schema(name = "WebhookSecretRotatedResponse",
        description = "A webhook's new signing secret: store it now, it is never shown again. Until previousSecretExpiresAt "
                + "every delivery carries two signatures, one with each secret")
public record WebhookSecretRotatedResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "whsec_ + base64 of 32 random bytes, as the Standard Webhooks libraries take it",
                examples = "whsec_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=") String secret,
        @Schema(required = true, description = "Until when the replaced secret still signs deliveries")
        Instant previousSecretExpiresAt) {

    public static WebhookSecretRotatedResponse from(WebhookService.Rotated rotated) {
        return new WebhookSecretRotatedResponse(rotated.webhook().id, rotated.secret(), rotated.previousSecretExpiresAt());
    }
}
