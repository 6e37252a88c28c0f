package io.casework.notifications.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.notifications.domain.Delivery;

@Schema(description = "One mail caused by one event for one recipient; its body is kept only until the SMTP server accepted or refused it")
public record DeliveryResponse(
        UUID id,
        @Schema(description = "Id of the CloudEvent that caused the mail") String eventId,
        @Schema(description = "The case the mail is about; null for known-issue and contract mails", nullable = true)
        UUID caseId,
        @Schema(description = "The known issue the mail is about; null for case mails", nullable = true) UUID incidentId,
        @Schema(description = "The organization a contract mail is about; null for case and known-issue mails",
                examples = "acme", nullable = true) String organizationId,
        @Schema(examples = "CASE_OPENED") String kind,
        @Schema(examples = "alice@acme.example") String recipient,
        @Schema(description = "ISO 639-1 language the mail was written in", examples = "fr") String language,
        @Schema(description = "The mail's subject line", examples = "[C-2026-000123] Case received: Mail delivery delayed")
        String subject,
        @Schema(description = "PENDING until its first attempt; SENDING during an attempt; SENT; FAILED while retries go on; REJECTED when the address was refused for good; DEAD after every retry failed; SUPPRESSED for a test case's mail, never sent", examples = "SENT") String status,
        @Schema(description = "SMTP attempts so far", examples = "1") int attempts,
        @Schema(description = "Why the last failed attempt failed; null when none failed", nullable = true) String lastError,
        Instant createdAt,
        @Schema(description = "When it was sent; null until then", nullable = true) Instant sentAt,
        @Schema(description = "Message-ID header of the mail (the same on every attempt); null for mails logged before "
                + "Message-IDs were recorded", nullable = true,
                examples = "<3f1c0c2b9a6e4d7f8a1b2c3d4e5f6a7b.casework@casework.example>") String smtpMessageId) {

    public static DeliveryResponse from(Delivery d) {
        return new DeliveryResponse(d.id, d.eventId, d.caseId, d.incidentId, d.organizationId, d.kind.name(), d.recipient,
                d.language, d.subject, d.status.name(), d.attempts, d.lastError, d.createdAt, d.sentAt, d.smtpMessageId);
    }
}
