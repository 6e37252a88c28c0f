package io.casework.status.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.ProductStatus;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A product status set by hand: it wins over the status the open incidents give until it is ended "
        + "or lapses")
public record StatusOverrideRequest(
        @Schema(examples = "DEGRADED") @NotNull ProductStatus status,
        @Schema(description = "Shown on the status page and in incidents.json (English)",
                examples = "Mail delivery is being verified after the relay replacement")
        @NotBlank @Size(max = 2000) String reason,
        @Schema(description = "When the override lapses by itself (ISO 8601 instant, in the future); "
                + "without it, the override holds until it is ended", examples = "2026-11-21T18:00:00Z")
        @Future Instant until) {
}
