package io.casework.cases.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.cases.domain.Attachment;

@Schema(name = "Attachment", description = "A file attached to a case (metadata; download it from its Location)",
        requiredProperties = { "id", "caseId", "filename", "contentType", "size", "sha256", "diagnosticBundle",
                "description", "uploadedBy", "createdAt" })
public record AttachmentResponse(
        UUID id,
        UUID caseId,
        @Schema(description = "Sanitised file name", examples = "mail-server.log") String filename,
        @Schema(description = "Sniffed from the content, not taken from the client", examples = "text/plain") String contentType,
        @Schema(description = "Bytes") long size,
        @Schema(description = "SHA-256 of the content, lower-case hex; also the download's ETag") String sha256,
        @Schema(description = "A diagnostic bundle collected for support") boolean diagnosticBundle,
        @Schema(nullable = true) String description,
        @Schema(description = "E-mail of the uploader") String uploadedBy,
        Instant createdAt) {

    public static AttachmentResponse from(Attachment a) {
        return new AttachmentResponse(a.id, a.caseId, a.filename, a.contentType, a.size, a.sha256, a.diagnosticBundle,
                a.description, a.uploadedBy, a.createdAt);
    }
}
