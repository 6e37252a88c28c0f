package io.casework.notifications.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.notifications.domain.Subscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, Subscription.Key> {

    /** Who gets the known issue's mails now, in a stable order. */
    public List<Subscription> active(UUID incidentId) {
        return find("incidentId = ?1 and removedAt is null order by email", incidentId).list();
    }

    public Optional<Subscription> find(UUID incidentId, String email) {
        return Optional.ofNullable(findById(new Subscription.Key(incidentId, email)));
    }

    /** Locked, so two unsubscribe requests of one person publish one event. */
    public Optional<Subscription> findForUpdate(UUID incidentId, String email) {
        return Optional.ofNullable(findById(new Subscription.Key(incidentId, email), LockModeType.PESSIMISTIC_WRITE));
    }

    /** Subscribes, or subscribes again after an earlier removal. */
    public void subscribe(UUID incidentId, String email, String number, String title, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO incident_subscription (incident_id, email, incident_number, title, subscribed_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (incident_id, email) DO UPDATE SET incident_number = excluded.incident_number,
                    title = excluded.title, subscribed_at = excluded.subscribed_at, removed_at = NULL""")
                .setParameter(1, incidentId).setParameter(2, email).setParameter(3, number).setParameter(4, title)
                .setParameter(5, at)
                .executeUpdate();
        getEntityManager().clear();
    }
}
