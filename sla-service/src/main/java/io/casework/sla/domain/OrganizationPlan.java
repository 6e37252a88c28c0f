package io.casework.sla.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The plan an organization bought and its support region, as case-service announces them on
 * {@code casework.org-events}. Organizations never announced get the configured default plan.
 */
@Entity
@Table(name = "organization_plan")
public class OrganizationPlan extends PanacheEntityBase {

    @Id
    public String organization;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    /** The organization's support region (a calendar id); null: its plan's calendar. */
    @Column(name = "calendar_id")
    public String calendarId;

    /** Time of the organization event applied last; null for seeded rows. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "event_id")
    public String eventId;
}
