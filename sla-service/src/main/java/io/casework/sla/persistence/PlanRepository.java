package io.casework.sla.persistence;

import java.util.List;
import java.util.Optional;

import io.casework.sla.domain.Plan;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, String> {

    public List<Plan> listAllWithTargets() {
        return find("select distinct p from Plan p left join fetch p.targets order by p.id").list();
    }

    public Optional<Plan> findWithTargets(String id) {
        return find("select p from Plan p left join fetch p.targets where p.id = ?1", id).singleResultOptional();
    }

    /**
     * Serialises writers of one plan id until the transaction ends, including the creation of a plan that does
     * not exist yet (a row lock cannot cover that).
     */
    public void lockForWrite(String id) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('casework.sla.plan:' || ?1))")
                .setParameter(1, id)
                .getSingleResult();
    }
}
