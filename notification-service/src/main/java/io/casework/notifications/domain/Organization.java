package io.casework.notifications.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who manages an organization, as case-service's org events told: enough to decide which partner may see a
 * client's case events (the reseller rule of case-service's AccessPolicy).
 */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    /** The managing reseller's organization id, if any. */
    public String reseller;

    /** Whether the organization lets its reseller see its cases. */
    @Column(name = "reseller_access", nullable = false)
    public boolean resellerAccess;

    /** When the current reseller took over; null when not known, which shows it nothing. */
    @Column(name = "reseller_since")
    public Instant resellerSince;

    /** The time ({@code at}) of the newest org event applied: an announcement older than it is ignored. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Whether {@code partner} may see a case of this organization filed at {@code caseCreatedAt}: it manages the
     * organization now, with access granted, and managed it when the case was filed. A reseller that managed
     * the organization earlier, lost it and got it back sees only the cases filed since it got it back.
     */
    public boolean visibleTo(String partner, Instant caseCreatedAt) {
        return partner != null && partner.equals(reseller) && resellerAccess && resellerSince != null
                && caseCreatedAt != null && !caseCreatedAt.isBefore(resellerSince);
    }
}
