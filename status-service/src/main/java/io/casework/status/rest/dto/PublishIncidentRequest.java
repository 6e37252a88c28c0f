package io.casework.status.rest.dto;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A new incident (known issue), with its first message")
public record PublishIncidentRequest(
        @Schema(description = "What customers see, in English", examples = "Mail delivery delayed for some users")
        @NotBlank @Size(max = 255) String title,
        @Schema(description = "LOW or MEDIUM degrade the affected products, HIGH is a partial outage, CRITICAL a major one",
                examples = "HIGH")
        @NotNull Severity severity,
        @Schema(description = "Ids of the affected products (GET /api/v1/status/products)", examples = "[\"cloud-mail\"]")
        @NotEmpty @Size(max = 50) Set<@NotBlank @Size(max = 64) String> affectedProducts,
        @Schema(description = "Affected support regions", examples = "[\"EMEA\", \"AMERICAS\"]")
        @NotEmpty Set<@NotNull Region> regions,
        @Schema(description = "Defaults to INVESTIGATING; an incident cannot start RESOLVED", examples = "IDENTIFIED")
        IncidentState state,
        @Schema(description = "The first entry of the timeline, in English",
                examples = "We are investigating reports of delayed outgoing mail.")
        @NotBlank @Size(max = 10_000) String message) {
}
