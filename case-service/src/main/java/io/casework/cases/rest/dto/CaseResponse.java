package io.casework.cases.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Channel;
import io.casework.cases.domain.EscalationReason;
import io.casework.cases.domain.ResolutionCode;

@Schema(name = "Case", description = "A support case as its caller may see it; ETag carries its version",
        requiredProperties = { "id", "number", "organization", "product", "subject", "description", "priority",
                "severity", "state", "creator", "contactEmail", "ccEmails", "language", "channel", "filedByReseller",
                "relatedCaseIds", "knownIssueId", "externalId", "testCase", "details", "assignee", "escalated", "escalationReason",
                "resolutionCode", "resolutionNote", "reopenCount", "surveyRating", "version", "firstResponseDueAt",
                "sla", "createdAt", "updatedAt", "firstRespondedAt", "resolvedAt", "closedAt" })
public record CaseResponse(
        UUID id,
        @Schema(description = "Human-readable case number", examples = "C-2026-000042") String number,
        @Schema(examples = "acme") String organization,
        @Schema(examples = "Cloud Mail") String product,
        String subject,
        String description,
        @Schema(description = "Priority code; severity names the same level in the other scheme",
                enumeration = { "P1", "P2", "P3", "P4" }) String priority,
        @Schema(enumeration = { "CRITICAL", "SEVERE", "MODERATE", "MINOR" }) String severity,
        @Schema(implementation = CaseState.class) String state,
        @Schema(description = "E-mail of whoever filed the case") String creator,
        String contactEmail,
        List<String> ccEmails,
        @Schema(description = "ISO 639-1", examples = "en") String language,
        @Schema(implementation = Channel.class) String channel,
        @Schema(description = "The reseller that filed the case on its customer's behalf", nullable = true) String filedByReseller,
        List<UUID> relatedCaseIds,
        @Schema(nullable = true) String knownIssueId,
        @Schema(description = "The filing party's own reference (e.g. a partner's ticket id), as given when filing",
                nullable = true, examples = "INC-0042817") String externalId,
        @Schema(description = "A sandbox case (filed with testCase true): its e-mails are suppressed, it pages no one "
                + "and counts in no metric or report") boolean testCase,
        CaseDetailsDto details,
        @Schema(description = "E-mail of the support agent working on it; null while unassigned", nullable = true) String assignee,
        boolean escalated,
        @Schema(nullable = true, implementation = EscalationReason.class) String escalationReason,
        @Schema(nullable = true, implementation = ResolutionCode.class) String resolutionCode,
        @Schema(nullable = true) String resolutionNote,
        int reopenCount,
        @Schema(nullable = true, minimum = "1", maximum = "5") Integer surveyRating,
        @Schema(description = "Also the ETag") long version,
        @Schema(description = "Set by sla-service once the organization's plan is known", nullable = true) Instant firstResponseDueAt,
        @Schema(description = "The case's SLA state as sla-service last told it; null until sla-service has set its "
                + "first target") SlaState sla,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true) Instant firstRespondedAt,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true) Instant closedAt,
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

    @Schema(name = "CaseSla", nullable = true, requiredProperties = { "nextTarget", "dueAt", "breached" },
            description = "SLA state of a case, kept from sla-service's events: lists carry it, sort by it "
                    + "(sort=priority,dueAt) and filter by it (breached, dueBefore)")
    public record SlaState(
            @Schema(description = "Metric of the next open target: the first response, then an update per cycle; null "
                    + "when none is open (answered, or the case is closed)", nullable = true,
                    enumeration = { "FIRST_RESPONSE", "PERIODIC_UPDATE" }, examples = "FIRST_RESPONSE")
            String nextTarget,
            @Schema(description = "When the next target is due (in the past once breached and not yet answered); null "
                    + "while it is paused (the case waits on the customer or its contract) or when none is open",
                    nullable = true, examples = "2026-11-21T11:00:00Z")
            Instant dueAt,
            @Schema(description = "Whether any SLA target of this case was missed (stays true once it happened)")
            boolean breached) {

        static SlaState of(Case c) {
            return c.slaBreached == null ? null : new SlaState(c.slaNextTarget, c.slaDueAt, c.slaBreached);
        }
    }

    public static CaseResponse from(Case c) {
        return from(c, null);
    }

    public static CaseResponse from(Case c, SearchMatch match) {
        return new CaseResponse(c.id, c.number, c.organization, c.product, c.subject, c.description,
                c.priority.code(), c.priority.severity(), c.state.name(), c.creator, c.contactEmail, List.copyOf(c.ccEmails),
                c.language, c.channel.name(), c.filedByReseller, List.copyOf(c.relatedCaseIds), c.knownIssueId,
                c.externalId, c.testCase, CaseDetailsDto.from(c.details), c.assignee, c.escalated,
                c.escalationReason == null ? null : c.escalationReason.name(),
                c.resolutionCode == null ? null : c.resolutionCode.name(), c.resolutionNote, c.reopenCount,
                c.surveyRating == null ? null : c.surveyRating.intValue(), c.version, c.firstResponseDueAt, SlaState.of(c), c.createdAt,
                c.updatedAt, c.firstRespondedAt, c.resolvedAt, c.closedAt, match);
    }
}
