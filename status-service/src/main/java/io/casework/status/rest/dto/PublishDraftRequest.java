package io.casework.status.rest.dto;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.Impact;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import io.casework.status.domain.Visibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "Confirms a draft (e.g. from spike detection): it is published with this first message; "
        + "the other fields correct the draft and may be left out")
public record PublishDraftRequest(
        @Pattern(regexp = ".*\\S.*") @Size(max = 255) String title,
        @Size(max = 10_000) String summary,
        Severity severity,
        Impact impact,
        Visibility visibility,
        Set<@NotNull Region> regions,
        IncidentState state,
        @Schema(description = "The first public entry of the timeline", examples = "We are investigating failed sign-ins.")
        @NotBlank @Size(max = 10_000) String message) {
}
