package io.casework.sla.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.ImpactAssessment;
import io.casework.sla.domain.Priority;

@Schema(description = "A suggested priority, the definition it meets and the rule that chose it")
public record PrioritySuggestionResponse(
        @Schema(examples = "P1") String priority,
        @Schema(description = "The same level in the severity scheme", examples = "CRITICAL") String severity,
        @Schema(description = "1 is the most urgent", examples = "1") int level,
        @Schema(examples = "Critical access problem affecting several users; the service is down or unusable; no workaround.")
        String definition,
        @Schema(examples = "Widespread mail delivery delays hitting most messages.") String example,
        @Schema(description = "The first rule (in order) that the answers meet") Rule rule) {

    @Schema(description = "A suggestion rule")
    public record Rule(
            @Schema(examples = "UNUSABLE_FOR_SEVERAL_USERS") String id,
            @Schema(examples = "The service is down or unusable for several or all users and there is no workaround.")
            String description) {
    }

    public static PrioritySuggestionResponse from(ImpactAssessment impact) {
        ImpactAssessment.Rule rule = impact.rule();
        Priority priority = rule.priority();
        return new PrioritySuggestionResponse(priority.code(), priority.severity(), priority.level(),
                priority.definition(), priority.example(), new Rule(rule.name(), rule.description()));
    }
}
