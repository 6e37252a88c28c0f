package io.casework.sla.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The plan an organization bought. case-service will publish organizations' plans; until then this table
 * holds demo data only and every other organization gets the configured default plan.
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
}
