package io.casework.sla.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.UsersAffected;
import jakarta.validation.constraints.NotNull;

@Schema(description = "Answers about a problem's impact")
public record PrioritySuggestionRequest(
        @Schema(description = "How many of the organization's users the problem hits", examples = "SEVERAL")
        @NotNull UsersAffected usersAffected,
        @Schema(description = "Whether the affected users can still use the service", examples = "false")
        @NotNull Boolean serviceUsable,
        @Schema(description = "Whether an acceptable workaround exists", examples = "false")
        @NotNull Boolean workaroundExists) {
}
