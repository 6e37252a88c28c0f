package io.casework.cases.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/** What case-service knows of organizations and their plans' entitlements. */
@ApplicationScoped
public class OrganizationRepository {

    public boolean escalationAllowed(String organization) {
        Object allowed = Panache.getEntityManager().createNativeQuery("""
                SELECT e.escalation_allowed FROM organization o JOIN plan_entitlement e ON e.plan_id = o.plan_id
                WHERE o.id = :org""").setParameter("org", organization).getResultStream().findFirst().orElse(Boolean.FALSE);
        return Boolean.TRUE.equals(allowed);
    }
}
