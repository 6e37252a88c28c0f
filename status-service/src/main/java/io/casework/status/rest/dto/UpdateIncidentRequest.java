package io.casework.status.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.IncidentState;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A new entry of an incident's timeline")
public record UpdateIncidentRequest(
        @Schema(description = "The incident's state from now on; RESOLVED closes the timeline", examples = "MONITORING")
        @NotNull IncidentState state,
        @Schema(description = "In English", examples = "A fix has been deployed; we are monitoring delivery times.")
        @NotBlank @Size(max = 10_000) String message) {
}
