package io.casework.notifications.persistence;

import io.casework.notifications.domain.Organization;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, String> {
}
