package io.casework.cases.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.hibernate.query.NativeQuery;

import io.casework.cases.domain.Case;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The SLA state of cases (migration V18): one row per target in {@code case_sla_target}, as sla-service's events told
 * it, and derived from them the columns of {@code support_case} that lists show, sort and filter by. Written by SQL
 * only: the entity maps those columns read-only, so an event never overwrites an edit of the case nor changes its
 * version (ETag), and an edit never overwrites an event.
 */
@ApplicationScoped
public class CaseSlaRepository {

    private final EntityManager em;

    CaseSlaRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records what an event at {@code at} says of one target. An event older than the last one applied to the target
     * changes nothing (a replay after a newer event), except that a breach is final: {@code breached} only ever turns
     * true. Events of a case unknown here are ignored.
     */
    public void target(UUID caseId, String metric, int cycle, Instant dueAt, boolean open, boolean breached, Instant at) {
        // typed: a null due time must be bound as a timestamp, not as an untyped null
        em.createNativeQuery("INSERT INTO case_sla_target (case_id, metric, cycle, due_at, open, breached, as_of)"
                + " SELECT :case, :metric, :cycle, CAST(:due AS timestamptz), :open, :breached, :at"
                + " WHERE EXISTS (SELECT 1 FROM support_case WHERE id = :case)"
                + " ON CONFLICT (case_id, metric, cycle) DO UPDATE SET due_at = EXCLUDED.due_at, open = EXCLUDED.open,"
                + " breached = case_sla_target.breached OR EXCLUDED.breached, as_of = EXCLUDED.as_of"
                + " WHERE case_sla_target.as_of <= EXCLUDED.as_of")
                .unwrap(NativeQuery.class)
                .setParameter("due", dueAt, Instant.class)
                .setParameter("case", caseId).setParameter("metric", metric).setParameter("cycle", cycle).setParameter("open", open)
                .setParameter("breached", breached).setParameter("at", at)
                .executeUpdate();
        if (breached) {
            em.createNativeQuery("UPDATE case_sla_target SET breached = true"
                    + " WHERE case_id = :case AND metric = :metric AND cycle = :cycle AND NOT breached")
                    .setParameter("case", caseId).setParameter("metric", metric).setParameter("cycle", cycle)
                    .executeUpdate();
        }
    }

    /**
     * A snapshot of the open targets at {@code at} (io.casework.sla.targets-set): every other target recorded open
     * before it was answered or stopped since. {@code keep} holds "metric/cycle" of the targets in the snapshot.
     */
    public void closeOthers(UUID caseId, Collection<String> keep, Instant at) {
        String others = keep.isEmpty() ? "" : " AND (metric || '/' || cycle) NOT IN (:keep)";
        var query = em.createNativeQuery("UPDATE case_sla_target SET open = false, as_of = :at"
                + " WHERE case_id = :case AND open AND as_of <= :at" + others)
                .setParameter("case", caseId).setParameter("at", at);
        if (!keep.isEmpty()) {
            query.setParameter("keep", keep);
        }
        query.executeUpdate();
    }

    /**
     * Derives the case's SLA state from its targets: the next open target (earliest due time; a paused target has
     * none and comes last) unless the case is closed (sla-service stops its clocks then), and whether any target was
     * breached (null while there is no target). Reads the case's state as committed: run after a close in another
     * transaction, this update waits for it and sees it.
     */
    public void refresh(UUID caseId) {
        String next = "(SELECT t.%s FROM case_sla_target t WHERE t.case_id = c.id AND t.open"
                + " ORDER BY t.due_at NULLS LAST, t.metric, t.cycle LIMIT 1)";
        em.createNativeQuery("UPDATE support_case c SET"
                + " sla_next_target = CASE WHEN c.state = 'CLOSED' THEN NULL ELSE " + next.formatted("metric") + " END,"
                + " sla_due_at = CASE WHEN c.state = 'CLOSED' THEN NULL ELSE " + next.formatted("due_at") + " END,"
                + " sla_breached = (SELECT bool_or(t.breached) FROM case_sla_target t WHERE t.case_id = c.id)"
                + " WHERE c.id = :case")
                .setParameter("case", caseId).executeUpdate();
    }

    /** A closed case has no next target (sla-service stops its clocks; a reopen resumes them with new events). */
    public void closed(Case supportCase) {
        em.createNativeQuery("UPDATE support_case SET sla_next_target = NULL, sla_due_at = NULL WHERE id = :case")
                .setParameter("case", supportCase.id).executeUpdate();
        supportCase.slaNextTarget = null;
        supportCase.slaDueAt = null;
    }
}
