package io.casework.status.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.Product;
import io.casework.status.domain.ProductStatus;

@Schema(description = "A product and its current status: set by the worst incident open on it, unless a status publisher "
        + "overrides it")
public record ProductResponse(
        @Schema(examples = "cloud-mail") String id,
        @Schema(examples = "Cloud Mail") String name,
        @Schema(description = "The effective status: the override while one is active, else computedStatus")
        ProductStatus status,
        @Schema(description = "What the open incidents give, whatever the override") ProductStatus computedStatus,
        @Schema(description = "The status publisher's override; null when the status is computed", nullable = true)
        StatusOverride override,
        @Schema(description = "When the status last changed") Instant updated) {

    // nullable here too: OpenAPI 3.0 validators check a $ref's target against null, whatever the referring property says
    @Schema(description = "Why the status is set by hand, and until when", nullable = true)
    public record StatusOverride(
            @Schema(examples = "Mail delivery is being verified after the relay replacement") String reason,
            @Schema(description = "When the override lapses; null: until it is ended", nullable = true) Instant until) {
    }

    public static ProductResponse from(Product product, Instant now) {
        return new ProductResponse(product.id, product.name, product.effectiveStatus(now), product.computedStatus,
                product.activeOverride(now).map(o -> new StatusOverride(o.reason(), o.until())).orElse(null),
                product.effectiveSince(now));
    }
}
