package io.casework.notifications.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.notifications.domain.Preference;

@Schema(description = "The caller's notification preferences")
public record PreferencesResponse(
        @Schema(examples = "alice@acme.example") String email,
        @Schema(description = "Language of the caller's mails; null until set, meaning each case's own language",
                examples = "fr", nullable = true)
        String language,
        @Schema(examples = "true") boolean caseUpdates,
        @Schema(description = "Null until the preferences are first saved", nullable = true) Instant updatedAt) {

    public static PreferencesResponse from(Preference p) {
        return new PreferencesResponse(p.email, p.language, p.caseUpdates, p.updatedAt);
    }

    /** What applies to someone who never saved preferences. */
    public static PreferencesResponse defaults(String email) {
        return new PreferencesResponse(email, null, true, null);
    }
}
