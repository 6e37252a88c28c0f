package io.casework.cases.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganizationAnnouncementResponse",
        description = "Every organization's state is queued for casework.org-events as io.casework.org.announced")
public record OrganizationAnnouncementResponse(
        @Schema(required = true, description = "How many organizations were announced", examples = "3") int organizations,
        @Schema(required = true, description = "The CloudEvent type published, one per organization (key = its id)",
                enumeration = "io.casework.org.announced") String eventType,
        @Schema(required = true, description = "When the announcements were written to the outbox") Instant at) {
}
