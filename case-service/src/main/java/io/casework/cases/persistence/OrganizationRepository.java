package io.casework.cases.persistence;

import java.util.List;

import io.casework.cases.domain.Organization;
import io.casework.cases.domain.SupportAccess;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Organizations, their plans' entitlements and their support access grants. */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, String> {

    public boolean escalationAllowed(String organization) {
        Object allowed = getEntityManager().createNativeQuery("""
                SELECT e.escalation_allowed FROM organization o JOIN plan_entitlement e ON e.plan_id = o.plan_id
                WHERE o.id = :org""").setParameter("org", organization).getResultStream().findFirst().orElse(Boolean.FALSE);
        return Boolean.TRUE.equals(allowed);
    }

    public SupportAccess grant(String organization, String email) {
        return SupportAccess.findById(new SupportAccess.Key(organization, email.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<SupportAccess> grants(String organization) {
        return SupportAccess.list("key.organization = ?1 order by key.email", organization);
    }

    public List<String> admins(String organization) {
        return SupportAccess.<SupportAccess>list("key.organization = ?1 and role = ?2 order by key.email", organization,
                SupportAccess.Role.ADMIN).stream().map(a -> a.key.email()).toList();
    }
}
