package io.casework.sla.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.UsersAffected;
import jakarta.validation.constraints.NotNull;

@Schema(description = "The four impact questions a priority is chosen from")
public record ImpactRequest(
        @Schema(description = "How many of the organization's users the problem hits", examples = "SEVERAL")
        @NotNull UsersAffected usersAffected,
        @Schema(description = "Whether the affected users can still use the service", examples = "false")
        @NotNull Boolean serviceUsable,
        @Schema(description = "Whether an acceptable workaround exists", examples = "false")
        @NotNull Boolean workaroundExists,
        @Schema(description = "Whether the product works as expected (only not as wished)", examples = "false")
        @NotNull Boolean worksAsExpected) {
}
