package io.casework.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the case events and SLA events told about a case. SLA events do not carry the assignee or the case
 * number, so their mails take them from here; case mails mention the first-response target kept here.
 * Written by upserts (see KnownCaseRepository) because case and SLA events about one case arrive on two topics.
 */
@Entity
@Table(name = "known_case")
public class KnownCase extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public String number;
    public String organization;
    public String subject;
    public String product;
    public String priority;
    public String assignee;

    /** A sandbox case (its case events say testCase true): its mails are recorded SUPPRESSED, never sent. */
    @Column(name = "test_case", nullable = false)
    public boolean testCase;

    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;

    /** RUNNING, PAUSED, MET, BREACHED or STOPPED, as sla-service last said. */
    @Column(name = "first_response_state")
    public String firstResponseState;

    /** When the case was filed (from its opened event); partner webhooks compare it with when the reseller took over. */
    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The first-response due time while the customer still waits for it; null once answered or unknown. */
    public Instant pendingFirstResponse() {
        return "RUNNING".equals(firstResponseState) ? firstResponseDueAt : null;
    }
}
