package io.casework.status.persistence;

import java.time.Instant;
import java.util.List;

import io.casework.status.domain.CaseSpike;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseSpikeRepository implements PanacheRepositoryBase<CaseSpike, CaseSpike.Key> {

    /**
     * Claims the product's hour as a spike; true for the one transaction that claimed it, so that consumers
     * running in parallel flag it (and draft an incident) once.
     */
    public boolean claim(String product, Instant hourStart, int cases, double threshold, Instant at) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO case_spike (product, hour_start, cases, threshold, detected_at)
                VALUES (:product, :hour, :cases, :threshold, :at) ON CONFLICT DO NOTHING
                """)
                .setParameter("product", product)
                .setParameter("hour", hourStart)
                .setParameter("cases", cases)
                .setParameter("threshold", threshold)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    public CaseSpike find(String product, Instant hourStart) {
        return findById(new CaseSpike.Key(product, hourStart));
    }

    public List<CaseSpike> ofProduct(String product) {
        return list("product", product);
    }
}
