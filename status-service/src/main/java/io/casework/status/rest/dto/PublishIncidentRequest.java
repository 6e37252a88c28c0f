package io.casework.status.rest.dto;

import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.Impact;
import io.casework.status.domain.IncidentKind;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import io.casework.status.domain.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

@Schema(description = "A new incident (known issue) or scheduled maintenance, with its first message")
public record PublishIncidentRequest(
        @Schema(description = "INCIDENT (default) or MAINTENANCE, which needs maintenanceWindow", examples = "INCIDENT")
        IncidentKind kind,
        @Schema(description = "What customers see, in English", examples = "Mail delivery delayed for some users")
        @NotBlank @Size(max = 255) String title,
        @Schema(description = "What users experience and any workaround, in English",
                examples = "Outgoing mail may take up to 30 minutes to be delivered.")
        @Size(max = 10_000) String summary,
        @Schema(description = "LOW or MEDIUM degrade the affected products, HIGH is a partial outage, CRITICAL a major one",
                examples = "HIGH")
        @NotNull Severity severity,
        @Schema(description = "Defaults to OUTAGE for HIGH/CRITICAL, DISRUPTION otherwise", examples = "DISRUPTION")
        Impact impact,
        @Schema(description = "PUBLIC (default): status page and feeds; CUSTOMERS: signed-in users only", examples = "PUBLIC")
        Visibility visibility,
        @Schema(description = "Ids of the affected products (GET /api/v1/status/products)", examples = "[\"cloud-mail\"]")
        @NotEmpty @Size(max = 50) Set<@NotBlank @Size(max = 64) String> affectedProducts,
        @Schema(description = "Affected support regions", examples = "[\"EMEA\", \"AMERICAS\"]")
        @NotEmpty Set<@NotNull Region> regions,
        @Schema(description = "Defaults to INVESTIGATING (SCHEDULED for maintenance); cannot start RESOLVED",
                examples = "IDENTIFIED")
        IncidentState state,
        @Schema(description = "When the problem began, if before now; defaults to now (maintenance: the window's start)")
        @PastOrPresent Instant begin,
        @Schema(description = "Maintenance only: the announced window") @Valid MaintenanceWindow maintenanceWindow,
        @Schema(description = "The first entry of the timeline, in English",
                examples = "We are investigating reports of delayed outgoing mail.")
        @NotBlank @Size(max = 10_000) String message) {

    public record MaintenanceWindow(
            @Schema(examples = "2026-12-05T22:00:00Z") @NotNull Instant start,
            @Schema(examples = "2026-12-06T02:00:00Z") @NotNull Instant end,
            @Schema(description = "Moves to IN_PROGRESS by itself at start if still SCHEDULED (default true)")
            Boolean autoStart,
            @Schema(description = "Is RESOLVED by itself at end if IN_PROGRESS or MONITORING (default true); false for work "
                    + "that may overrun, which a publisher then resolves")
            Boolean autoComplete) {

        public boolean startsByItself() {
            return autoStart == null || autoStart;
        }

        public boolean completesByItself() {
            return autoComplete == null || autoComplete;
        }
    }
}
