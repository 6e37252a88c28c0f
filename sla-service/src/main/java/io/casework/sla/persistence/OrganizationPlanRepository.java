package io.casework.sla.persistence;

import java.util.Optional;

import io.casework.sla.domain.OrganizationPlan;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrganizationPlanRepository implements PanacheRepositoryBase<OrganizationPlan, String> {

    public Optional<String> planOf(String organization) {
        return findByIdOptional(organization).map(o -> o.planId);
    }
}
