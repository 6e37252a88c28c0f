package io.casework.notifications.persistence;

import java.util.List;

import io.casework.notifications.domain.Webhook;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, java.util.UUID> {

    /** A partner organization's webhooks, oldest first. */
    public List<Webhook> ofOrganization(String organization) {
        return find("organization = ?1 order by createdAt, id", organization).list();
    }

    public List<Webhook> all() {
        return find("order by organization, createdAt, id").list();
    }
}
