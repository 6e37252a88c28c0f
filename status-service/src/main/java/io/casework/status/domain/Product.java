package io.casework.status.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product of the catalogue. Its status follows its open incidents ({@link #computedStatus}) unless a status
 * publisher overrides it, until they end the override or its {@code until} passes. Readers ask
 * {@link #effectiveStatus(Instant)}, which lets an expired override lapse at once; {@link #status} is the effective
 * status as last recorded (and announced), brought up to date by {@link #settle(Instant)}.
 */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    /** A slug such as {@code cloud-mail}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** The effective status as last recorded: the one the latest product-status-changed event announced. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductStatus status;

    /** When {@link #status} last changed. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The status that the worst of the open incidents affecting this product implies. */
    @Enumerated(EnumType.STRING)
    @Column(name = "computed_status", nullable = false)
    public ProductStatus computedStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_status")
    public ProductStatus overrideStatus;

    @Column(name = "override_reason", length = 2000)
    public String overrideReason;

    /** When the override lapses by itself; null: until a publisher ends it. */
    @Column(name = "override_until")
    public Instant overrideUntil;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "override_at")
    public Instant overrideAt;

    /** A status set by hand: it wins over the computed status while active. */
    public record StatusOverride(ProductStatus status, String reason, Instant until, String by, Instant since) {
    }

    /** The effective status moved from {@code previous} to the product's current {@link #status} at {@code at}. */
    public record StatusChange(Product product, ProductStatus previous, Instant at) {
    }

    /** The override in force at {@code now}: none if there is none or it has lapsed. */
    public Optional<StatusOverride> activeOverride(Instant now) {
        if (overrideStatus == null || hasLapsed(now)) {
            return Optional.empty();
        }
        return Optional.of(new StatusOverride(overrideStatus, overrideReason, overrideUntil, overrideBy, overrideAt));
    }

    /** What readers are shown at {@code now}: the active override, else the computed status. */
    public ProductStatus effectiveStatus(Instant now) {
        return activeOverride(now).map(StatusOverride::status).orElse(computedStatus);
    }

    /** When the effective status at {@code now} began: an override that lapsed unrecorded ended at its until. */
    public Instant effectiveSince(Instant now) {
        return effectiveStatus(now) != status && hasLapsed(now) ? overrideUntil : updatedAt;
    }

    /** Recomputes the status that the worst of the open incidents implies, then {@link #settle}s. */
    public Optional<StatusChange> reflectOpenIncidents(Collection<Incident> openIncidents, Instant at) {
        computedStatus = openIncidents.stream()
                .map(Incident::impliedProductStatus)
                .max(Comparator.naturalOrder())
                .orElse(ProductStatus.OPERATIONAL);
        return settle(at);
    }

    /**
     * Sets (or replaces) the override; {@code until} null keeps it until it is ended (one already past lapses at the
     * next {@link #settle}). Call {@link #settle} after.
     */
    public void override(ProductStatus overriding, String reason, Instant until, String by, Instant at) {
        overrideStatus = overriding;
        overrideReason = reason;
        overrideUntil = until;
        overrideBy = by;
        overrideAt = at;
    }

    /** Ends the override, if any; true if there was one. Call {@link #settle} after. */
    public boolean endOverride() {
        boolean had = overrideStatus != null;
        overrideStatus = null;
        overrideReason = null;
        overrideUntil = null;
        overrideBy = null;
        overrideAt = null;
        return had;
    }

    /** Ends an override whose until has passed at {@code now}; true if one lapsed. */
    public boolean lapseOverride(Instant now) {
        if (overrideStatus == null || !hasLapsed(now)) {
            return false;
        }
        endOverride();
        return true;
    }

    /**
     * Records the effective status at {@code at} (letting an expired override lapse): the change to announce when it
     * differs from the status last recorded.
     */
    public Optional<StatusChange> settle(Instant at) {
        lapseOverride(at);
        ProductStatus effective = overrideStatus != null ? overrideStatus : computedStatus;
        if (effective == status) {
            return Optional.empty();
        }
        StatusChange change = new StatusChange(this, status, at);
        status = effective;
        updatedAt = at;
        return Optional.of(change);
    }

    private boolean hasLapsed(Instant now) {
        return overrideUntil != null && !overrideUntil.isAfter(now);
    }
}
