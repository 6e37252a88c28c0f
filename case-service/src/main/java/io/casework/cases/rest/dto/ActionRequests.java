package io.casework.cases.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.cases.domain.EscalationReason;
import io.casework.cases.domain.Priority;
import io.casework.cases.domain.ResolutionCode;
import io.casework.cases.domain.Visibility;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the case actions. */
public final class ActionRequests {

    private ActionRequests() {
    }

    @Schema(description = "A comment; INTERNAL notes are for support staff only")
    public record CommentRequest(
            @Schema(examples = "The queue drained at 10:40, can you confirm?") @NotBlank @Size(max = 32_000) String body,
            @Schema(description = "Default PUBLIC") Visibility visibility) {
    }

    @Schema(description = "Staff move the case: IN_PROGRESS (working on it) or ACTION_REQUIRED (waiting on the customer)")
    public record TransitionRequest(
            @Schema(examples = "ACTION_REQUIRED") @NotNull TargetState to,
            @Schema(examples = "Waiting for the customer's mail server logs") @Size(max = 4_000) String reason) {
        public enum TargetState {
            IN_PROGRESS,
            ACTION_REQUIRED
        }
    }

    @Schema(description = "Staff provide a solution")
    public record ResolveRequest(
            @Schema(examples = "RESOLVED") @NotNull ResolutionCode resolutionCode,
            @Schema(examples = "Raised the relay quota; delivery is back to normal.") @NotBlank @Size(max = 16_000) String note) {
    }

    @Schema(description = "Close the case; a reason is optional")
    public record CloseRequest(@Schema(examples = "Fixed on our side") @Size(max = 4_000) String reason) {
    }

    @Schema(description = "Escalate (\"Faire remonter\") where the organization's plan allows it")
    public record EscalateRequest(
            @Schema(examples = "BUSINESS_IMPACT") @NotNull EscalationReason reason,
            @Schema(examples = "Quarter-end invoicing is blocked") @NotBlank @Size(max = 4_000) String justification) {
    }

    @Schema(description = "Staff end an escalation")
    public record DeEscalateRequest(@Schema(examples = "Workaround accepted by the customer") @NotBlank @Size(max = 4_000) String reason) {
    }

    @Schema(description = "Staff change the priority, always with a reason")
    public record PriorityRequest(
            @Schema(examples = "P1") @NotNull Priority priority,
            @Schema(examples = "Now affects every user of the tenant") @NotBlank @Size(max = 4_000) String reason) {
    }

    @Schema(description = "Staff assign the case; null unassigns")
    public record AssignRequest(@Schema(examples = "sam@casework.example") @Email @Size(max = 320) String assignee) {
    }

    @Schema(description = "Satisfaction survey, once per case after a solution was provided")
    public record SurveyRequest(
            @Schema(examples = "5") @NotNull @Min(1) @Max(5) Integer rating,
            @Schema(examples = "Quick and clear") @Size(max = 4_000) String comment) {
    }
}
