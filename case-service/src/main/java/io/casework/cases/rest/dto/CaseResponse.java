package io.casework.cases.rest.dto;

import java.time.Instant;
import java.util.List;
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
        List<String> ccEmails,
        String language,
        String channel,
        String filedByReseller,
        List<UUID> relatedCaseIds,
        String knownIssueId,
        CaseDetailsDto details,
        String assignee,
        boolean escalated,
        String escalationReason,
        String resolutionCode,
        String resolutionNote,
        int reopenCount,
        Integer surveyRating,
        long version,
        Instant firstResponseDueAt,
        Instant createdAt,
        Instant updatedAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        Instant closedAt) {

    public static CaseResponse from(Case c) {
        return new CaseResponse(c.id, c.number, c.organization, c.product, c.subject, c.description,
                c.priority.code(), c.priority.severity(), c.state.name(), c.creator, c.contactEmail, List.copyOf(c.ccEmails),
                c.language, c.channel.name(), c.filedByReseller, List.copyOf(c.relatedCaseIds), c.knownIssueId,
                CaseDetailsDto.from(c.details), c.assignee, c.escalated,
                c.escalationReason == null ? null : c.escalationReason.name(),
                c.resolutionCode == null ? null : c.resolutionCode.name(), c.resolutionNote, c.reopenCount,
                c.surveyRating == null ? null : c.surveyRating.intValue(), c.version, c.firstResponseDueAt, c.createdAt,
                c.updatedAt, c.firstRespondedAt, c.resolvedAt, c.closedAt);
    }
}
