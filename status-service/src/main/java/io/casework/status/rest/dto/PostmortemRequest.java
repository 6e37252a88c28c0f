package io.casework.status.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "The incident report (postmortem) of a resolved incident: a link, a summary, or both")
public record PostmortemRequest(
        @Schema(examples = "https://status.casework.example/reports/I-2026-0001.pdf")
        @Pattern(regexp = "https://\\S+") @Size(max = 2048) String url,
        @Schema(examples = "A configuration change overloaded the outbound relays; it was rolled back at 10:42 UTC.")
        @Size(max = 20_000) String summary) {

    @AssertTrue(message = "give a url, a summary, or both")
    @Schema(hidden = true)
    public boolean isUrlOrSummary() {
        return (url != null && !url.isBlank()) || (summary != null && !summary.isBlank());
    }
}
