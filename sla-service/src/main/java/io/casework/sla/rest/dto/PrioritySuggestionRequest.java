package io.casework.sla.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.UsersAffected;
import jakarta.validation.constraints.NotNull;

@Schema(description = "Answers about a problem's impact (the original form of /priority-suggestions)")
public record PrioritySuggestionRequest(
        @Schema(description = "How many of the organization's users the problem hits", examples = "SEVERAL")
        @NotNull UsersAffected usersAffected,
        @Schema(description = "Whether the affected users can still use the service", examples = "false")
        @NotNull Boolean serviceUsable,
        @Schema(description = "Whether an acceptable workaround exists", examples = "false")
        @NotNull Boolean workaroundExists,
        @Schema(description = "Optional here: whether the product works as expected. Without it, a usable service "
                + "with no workaround is taken to work as expected (P4).", examples = "false", nullable = true)
        Boolean worksAsExpected) {
}
