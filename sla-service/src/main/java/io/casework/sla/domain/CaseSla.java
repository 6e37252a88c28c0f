package io.casework.sla.domain;

import java.time.Instant;
import java.util.UUID;

import io.casework.sla.persistence.SlaTermsConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A case as sla-service follows it: who owns it, its priority and state, and the terms it runs under. */
@Entity
@Table(name = "case_sla")
public class CaseSla extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public String organization;

    public String product;

    /** A sandbox case (case.opened said testCase): its targets count in no report or metric. */
    @Column(name = "test_case", nullable = false)
    public boolean testCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "plan_version", nullable = false)
    public long planVersion;

    @Convert(converter = SlaTermsConverter.class)
    @Column(nullable = false)
    public SlaTerms terms;

    @Column(name = "case_state", nullable = false)
    public String caseState;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Version
    public long version;

    /** Case states in which support waits on someone else, so SLA clocks do not run (SPEC.md, seed 003). */
    public static boolean pausing(String state) {
        return "ACTION_REQUIRED".equals(state) || "ON_HOLD".equals(state) || "SOLUTION_PROVIDED".equals(state);
    }
}
