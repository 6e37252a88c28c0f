package io.casework.cases.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        Instant closedAt,
        @Schema(description = "Only in a list answering a search text q: how and where the case matched")
        @JsonInclude(JsonInclude.Include.NON_NULL) SearchMatch match) {

    @Schema(name = "SearchMatch", nullable = true, description = "How a case matched a search text q")
    public record SearchMatch(
            @Schema(description = "Relevance, higher is better; the order of sort=relevance (a case whose number is q "
                    + "gets 1 more)", examples = "0.6079271")
            Float rank,
            @Schema(description = "HTML-escaped text of the case (subject, description, comments the caller may see) "
                    + "around the matched words, each in <mark>…</mark>; fragments joined by \" … \"",
                    examples = "Mailbox over <mark>quota</mark>: sending fails with ERR-4031 … ")
            String snippet) {
    }

    public static CaseResponse from(Case c) {
        return from(c, null);
    }

    public static CaseResponse from(Case c, SearchMatch match) {
        return new CaseResponse(c.id, c.number, c.organization, c.product, c.subject, c.description,
                c.priority.code(), c.priority.severity(), c.state.name(), c.creator, c.contactEmail, List.copyOf(c.ccEmails),
                c.language, c.channel.name(), c.filedByReseller, List.copyOf(c.relatedCaseIds), c.knownIssueId,
                CaseDetailsDto.from(c.details), c.assignee, c.escalated,
                c.escalationReason == null ? null : c.escalationReason.name(),
                c.resolutionCode == null ? null : c.resolutionCode.name(), c.resolutionNote, c.reopenCount,
                c.surveyRating == null ? null : c.surveyRating.intValue(), c.version, c.firstResponseDueAt, c.createdAt,
                c.updatedAt, c.firstRespondedAt, c.resolvedAt, c.closedAt, match);
    }
}
