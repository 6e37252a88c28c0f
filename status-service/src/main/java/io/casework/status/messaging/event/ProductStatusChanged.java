package io.casework.status.messaging.event;

import java.time.Instant;

import io.casework.status.domain.Product;

/**
 * {@code io.casework.status.product-status-changed}: a product's effective status changed, because its open incidents
 * changed the computed status (and no override holds it), or an override was set, ended or lapsed. Key = product id.
 * Contract: docs/events/schemas/io.casework.status.product-status-changed.json
 */
public record ProductStatusChanged(
        String productId,
        String name,
        String status,
        String previousStatus,
        String computedStatus,
        StatusOverride override,
        Instant changedAt) {

    public static final String TYPE = "io.casework.status.product-status-changed";

    /** The override in force after the change; {@code by} is the status publisher who set it. */
    public record StatusOverride(String status, String reason, Instant until, String by) {
    }

    public static ProductStatusChanged of(Product.StatusChange change) {
        Product product = change.product();
        StatusOverride override = product.activeOverride(change.at())
                .map(o -> new StatusOverride(o.status().name(), o.reason(), o.until(), o.by()))
                .orElse(null);
        return new ProductStatusChanged(product.id, product.name, product.status.name(), change.previous().name(),
                product.computedStatus.name(), override, change.at());
    }
}
