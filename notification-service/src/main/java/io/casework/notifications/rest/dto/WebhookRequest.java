package io.casework.notifications.rest.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A partner endpoint for the case events of the cases the partner may see")
public record WebhookRequest(
        @Schema(description = "Where events are POSTed; https only", examples = "https://partner.example/casework/events")
        @NotNull @Size(max = 2048) @WebhookUrl String url,
        @Schema(description = "The io.casework.case.* event types to receive; absent means all of them",
                examples = "[\"io.casework.case.opened\", \"io.casework.case.state-changed\"]")
        @Size(min = 1, max = 13) List<@NotNull @Pattern(regexp = CASE_EVENT_TYPE, message = "must be an io.casework.case.* event type") String> eventTypes,
        @Schema(description = "A note for the partner's own use", examples = "Ticket sync to our PSA")
        @Size(max = 500) String description) {

    /** The types of WebhookEventTypes.CASE_EVENTS. */
    static final String CASE_EVENT_TYPE = "io\\.casework\\.case\\.(opened|updated|assigned|state-changed|priority-changed"
            + "|comment-added|attachment-added|escalated|de-escalated|resolved|closed|reopened|survey-answered)";
}
