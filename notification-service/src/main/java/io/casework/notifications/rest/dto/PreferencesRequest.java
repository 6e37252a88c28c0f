package io.casework.notifications.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(description = "How the caller wants to be mailed")
public record PreferencesRequest(
        @Schema(description = "Language of every mail to the caller, whatever the case's language: en, fr or nl",
                examples = "fr")
        @NotNull @Pattern(regexp = "en|fr|nl", message = "must be one of en, fr, nl") String language,
        @Schema(description = "Whether to receive mails about later changes to one's cases; the receipt of a new case is always sent",
                examples = "true")
        @NotNull Boolean caseUpdates) {
}
