package io.casework.status.domain;

/** How bad an incident is, from least to most severe, and what it does to the products it affects. */
public enum Severity {
    LOW(ProductStatus.DEGRADED),
    MEDIUM(ProductStatus.DEGRADED),
    HIGH(ProductStatus.PARTIAL_OUTAGE),
    CRITICAL(ProductStatus.MAJOR_OUTAGE);

    private final ProductStatus productStatus;

    Severity(ProductStatus productStatus) {
        this.productStatus = productStatus;
    }

    /** The status of a product while an open incident of this severity affects it. */
    public ProductStatus productStatus() {
        return productStatus;
    }
}
