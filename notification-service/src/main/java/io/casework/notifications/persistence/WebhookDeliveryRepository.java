package io.casework.notifications.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.notifications.domain.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Adds a PENDING delivery of the event to the webhook, due now; nothing when the webhook already has the
     * event (a redelivered or retried event). True when added.
     */
    public boolean enqueue(UUID webhookId, String eventId, String eventType, UUID caseId, String payload, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, case_id, payload, attempt, status,
                    next_attempt_at, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 'PENDING', ?7, ?7)
                ON CONFLICT (webhook_id, event_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, webhookId).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, caseId).setParameter(6, payload).setParameter(7, now)
                .executeUpdate() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries for this sender: each gets its next attempt number and is
     * hidden from other senders until {@code leaseUntil} (rows another sender holds are skipped, not waited
     * for). If this sender dies mid-way, the delivery becomes due again when the lease ends.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                UPDATE webhook_delivery SET attempt = attempt + 1, next_attempt_at = ?2
                WHERE id IN (SELECT id FROM webhook_delivery
                             WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?1
                             ORDER BY next_attempt_at LIMIT ?3
                             FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class)
                .setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, limit)
                .getResultList();
        getEntityManager().clear();
        return ids;
    }

    /** A webhook's deliveries in the order they were created, starting after {@code after} when given. */
    public List<WebhookDelivery> log(UUID webhookId, Optional<WebhookDelivery> after, int limit) {
        if (after.isEmpty()) {
            return find("webhookId = ?1 order by createdAt, id", webhookId).page(0, limit).list();
        }
        return find("webhookId = :webhookId and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                Parameters.with("webhookId", webhookId).and("at", after.get().createdAt).and("id", after.get().id))
                .page(0, limit).list();
    }
}
