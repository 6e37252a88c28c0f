package io.casework.notifications.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.casework.notifications.domain.KnownCase;
import io.casework.notifications.messaging.event.CaseChanged;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Upserts, because a case's events and its SLA events arrive on two topics and either may come first; the
 * row keeps what each side last said without one overwriting the other's columns.
 */
@ApplicationScoped
public class KnownCaseRepository implements PanacheRepositoryBase<KnownCase, UUID> {

    public Optional<KnownCase> find(UUID caseId) {
        return Optional.ofNullable(findById(caseId));
    }

    /** The case summary of a case event (all of them carry it, in the case's order). */
    public void recordSummary(UUID caseId, String number, String organization, String subject, String product,
            String priority, String assignee, boolean testCase, Instant at) {
        // testCase is fixed at filing; an event published before the flag existed (absent: false) does not clear it
        getEntityManager().createNativeQuery("""
                INSERT INTO known_case (case_id, number, organization, subject, product, priority, assignee, test_case,
                                        updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?8)
                ON CONFLICT (case_id) DO UPDATE SET number = excluded.number, organization = excluded.organization,
                    subject = excluded.subject, product = excluded.product, priority = excluded.priority,
                    assignee = excluded.assignee, test_case = known_case.test_case OR excluded.test_case,
                    updated_at = excluded.updated_at""")
                .setParameter(1, caseId).setParameter(2, number).setParameter(3, organization).setParameter(4, subject)
                .setParameter(5, product).setParameter(6, priority).setParameter(7, assignee).setParameter(8, at)
                .setParameter(9, testCase)
                .executeUpdate();
        getEntityManager().clear(); // the native statement bypassed any managed copy
    }

    public void recordSummary(CaseChanged c, Instant at) {
        recordSummary(c.caseId(), c.number(), c.organization(), c.subject(), c.product(), c.priority(), c.assignee(),
                Boolean.TRUE.equals(c.testCase()), at);
    }

    /** Whether the case is a sandbox case, as its case events said; false for a case not known (yet). */
    public boolean isTestCase(UUID caseId) {
        return count("caseId = ?1 and testCase = true", caseId) > 0;
    }

    /** A sandbox case, as an SLA event said before (or without) its case events: its mails are suppressed. */
    public void recordTestCase(UUID caseId, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO known_case (case_id, test_case, updated_at) VALUES (?1, true, ?2)
                ON CONFLICT (case_id) DO UPDATE SET test_case = true""")
                .setParameter(1, caseId).setParameter(2, at)
                .executeUpdate();
        getEntityManager().clear();
    }

    /** When the case was filed, from its opened event (the only case event that carries it). */
    public void recordCreated(UUID caseId, String organization, Instant createdAt, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO known_case (case_id, organization, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (case_id) DO UPDATE SET created_at = excluded.created_at,
                    organization = coalesce(known_case.organization, excluded.organization)""")
                .setParameter(1, caseId).setParameter(2, organization).setParameter(3, createdAt).setParameter(4, at)
                .executeUpdate();
        getEntityManager().clear();
    }

    /** The latest first-response target sla-service set for the case. */
    public void recordFirstResponse(UUID caseId, Instant dueAt, String state, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO known_case (case_id, first_response_due_at, first_response_state, updated_at)
                VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (case_id) DO UPDATE SET first_response_due_at = excluded.first_response_due_at,
                    first_response_state = excluded.first_response_state, updated_at = excluded.updated_at""")
                .setParameter(1, caseId).setParameter(2, dueAt).setParameter(3, state).setParameter(4, at)
                .executeUpdate();
        getEntityManager().clear();
    }
}
