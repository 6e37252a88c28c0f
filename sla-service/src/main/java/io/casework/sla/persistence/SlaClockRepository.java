package io.casework.sla.persistence;

import java.util.List;
import java.util.UUID;

import io.casework.sla.domain.Metric;
import io.casework.sla.domain.SlaClock;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    public List<SlaClock> listByCase(UUID caseId) {
        return list("caseId = ?1 order by startedAt, metric", caseId);
    }

    public boolean exists(UUID caseId, Metric metric) {
        return count("caseId = ?1 and metric = ?2", caseId, metric) > 0;
    }
}
