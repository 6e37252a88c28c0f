package io.casework.sla.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.Priority;

@Schema(description = "A suggested priority and the definition it meets")
public record PrioritySuggestionResponse(
        @Schema(examples = "P1") String priority,
        @Schema(description = "The same level in the severity scheme", examples = "CRITICAL") String severity,
        @Schema(description = "1 is the most urgent", examples = "1") int level,
        @Schema(examples = "Critical access problem affecting several users; the service is down or unusable; no workaround.")
        String definition,
        @Schema(examples = "Widespread mail delivery delays hitting most messages.") String example) {

    public static PrioritySuggestionResponse from(Priority priority) {
        return new PrioritySuggestionResponse(priority.code(), priority.severity(), priority.level(),
                priority.definition(), priority.example());
    }
}
