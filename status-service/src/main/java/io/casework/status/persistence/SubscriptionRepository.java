package io.casework.status.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.status.domain.IncidentSubscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<IncidentSubscription, IncidentSubscription.Key> {

    /**
     * Records the subscription unless it exists; true when this call added it. An upsert, so that two presses
     * at once still make one subscription (and one event, hence one case).
     */
    public boolean addIfAbsent(UUID incidentId, String email, String organization, Instant at) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO incident_subscription (incident_id, subscriber_email, organization, subscribed_at)
                VALUES (:incident, :email, :org, :at) ON CONFLICT DO NOTHING
                """)
                .setParameter("incident", incidentId)
                .setParameter("email", email)
                .setParameter("org", organization)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    public Optional<IncidentSubscription> find(UUID incidentId, String email) {
        return findByIdOptional(new IncidentSubscription.Key(incidentId, email));
    }

    public List<IncidentSubscription> bySubscriber(String email) {
        return list("subscriberEmail", email);
    }
}
