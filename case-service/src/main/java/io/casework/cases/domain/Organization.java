package io.casework.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer (or reseller) organization: who may use support, under which plan, until when. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> domains = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "priority_scheme", nullable = false)
    public PriorityScheme priorityScheme = PriorityScheme.P;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "contract_end")
    public LocalDate contractEnd;

    @Column(name = "contract_lapsed", nullable = false)
    public boolean contractLapsed;

    @Column(nullable = false)
    public String region;

    /** The reseller that manages this organization now, if any. */
    public String reseller;

    /** Since when the current reseller manages this organization (null without a reseller). */
    @Column(name = "reseller_since")
    public Instant resellerSince;

    /** Whether this organization lets its reseller see its cases. */
    @Column(name = "reseller_access", nullable = false)
    public boolean resellerAccess;

    /** Since when {@link #resellerAccess} is what it is (granted or withdrawn); null without a reseller. */
    @Column(name = "reseller_access_since")
    public Instant resellerAccessSince;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public enum PriorityScheme {
        /** P1..P4 */
        P,
        /** Critical, Severe, Moderate, Minor */
        SEVERITY
    }

    /** The contract's end date has passed (the day after the end date, UTC). */
    public boolean contractExpiredOn(LocalDate today) {
        return contractEnd != null && today.isAfter(contractEnd);
    }

    public boolean ownsDomainOf(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
