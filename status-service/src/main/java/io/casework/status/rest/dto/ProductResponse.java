package io.casework.status.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.Product;
import io.casework.status.domain.ProductStatus;

@Schema(description = "A product and its current status, set by the worst incident open on it")
public record ProductResponse(
        @Schema(examples = "cloud-mail") String id,
        @Schema(examples = "Cloud Mail") String name,
        ProductStatus status,
        @Schema(description = "When the status last changed") Instant updated) {

    public static ProductResponse from(Product product) {
        return new ProductResponse(product.id, product.name, product.status, product.updatedAt);
    }
}
