package io.casework.cases.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.cases.domain.Case;

/** What the signed survey link of a closing mail answers (no login: the link's token is the authority). */
public final class SurveyLinkDtos {

    private SurveyLinkDtos() {
    }

    @Schema(name = "SurveyLinkResponse", description = "The survey the link opens: which case, and the scale")
    public record SurveyLinkResponse(
            @Schema(required = true) UUID caseId,
            @Schema(required = true, examples = "C-2026-000123") String number,
            @Schema(required = true, examples = "Mail delivery delayed") String subject,
            @Schema(required = true, description = "The ratings to choose from, worst to best", examples = "[1, 2, 3, 4, 5]")
            List<Integer> ratings,
            @Schema(required = true, description = "Until when the link works") Instant expiresAt) {

        public static SurveyLinkResponse from(Case c, Instant expiresAt) {
            return new SurveyLinkResponse(c.id, c.number, c.subject, List.of(1, 2, 3, 4, 5), expiresAt);
        }
    }

    @Schema(name = "SurveyAnswerResponse", description = "The answer recorded")
    public record SurveyAnswerResponse(
            @Schema(required = true) UUID caseId,
            @Schema(required = true, examples = "5", minimum = "1", maximum = "5") int rating,
            @Schema(nullable = true, examples = "Quick and clear") String comment,
            @Schema(required = true) Instant answeredAt) {

        public static SurveyAnswerResponse from(Case c) {
            return new SurveyAnswerResponse(c.id, c.surveyRating, c.surveyComment, c.surveyAnsweredAt);
        }
    }

    @Schema(name = "SurveyForm", description = "What the survey page's form sends (application/x-www-form-urlencoded)")
    public record SurveyForm(
            @Schema(required = true, description = "1 (very dissatisfied) to 5 (very satisfied)", minimum = "1",
                    maximum = "5", examples = "5") int rating,
            @Schema(description = "Optional, at most 4000 characters", maxLength = 4_000, examples = "Quick and clear")
            String comment) {
    }
}
