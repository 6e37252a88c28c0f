package io.casework.cases.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.casework.cases.domain.Case;

public record CaseResponse(
        UUID id,
        String number,
        String organization,
        String product,
        String subject,
        String description,
        String priority,
        String severity,
        String state,
        String creator,
        String contactEmail,
        String language,
        String channel,
        Instant firstResponseDueAt,
        Instant createdAt,
        Instant updatedAt) {

    public static CaseResponse from(Case c) {
        return new CaseResponse(c.id, c.number, c.organization, c.product, c.subject, c.description,
                c.priority.code(), c.priority.severity(), c.state.name(), c.creator, c.contactEmail, c.language,
                c.channel.name(), c.firstResponseDueAt, c.createdAt, c.updatedAt);
    }
}
