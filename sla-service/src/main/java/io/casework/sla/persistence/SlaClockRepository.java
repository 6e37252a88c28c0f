package io.casework.sla.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casework.sla.domain.Metric;
import io.casework.sla.domain.SlaClock;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    public List<SlaClock> listByCase(UUID caseId) {
        return list("caseId = ?1 order by startedAt, metric, cycle", caseId);
    }

    /** Not answered and not stopped, in a stable order (locks taken in the same order by every writer). */
    public List<SlaClock> listOpenByCase(UUID caseId) {
        return list("caseId = ?1 and completedAt is null and stoppedAt is null order by metric, cycle", caseId);
    }

    /** Not answered and not counting: paused, or stopped by a close that a reopen undoes. */
    public List<SlaClock> listResumableByCase(UUID caseId) {
        return list("caseId = ?1 and completedAt is null and runningSince is null order by metric, cycle", caseId);
    }

    public boolean exists(UUID caseId, Metric metric) {
        return count("caseId = ?1 and metric = ?2", caseId, metric) > 0;
    }

    public int lastCycle(UUID caseId, Metric metric) {
        Integer last = getEntityManager()
                .createQuery("select max(c.cycle) from SlaClock c where c.caseId = ?1 and c.metric = ?2", Integer.class)
                .setParameter(1, caseId).setParameter(2, metric).getSingleResult();
        return last == null ? 0 : last;
    }

    /** Due targets, oldest first, locked for this transaction; rows another transaction holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<SlaClock> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM sla_clock WHERE next_fire_at <= ?1 "
                + "ORDER BY next_fire_at LIMIT ?2 FOR UPDATE SKIP LOCKED", SlaClock.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
