package io.casework.notifications.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.notifications.domain.Delivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Optional<Delivery> findByEventAndRecipient(String eventId, String recipient) {
        return find("eventId = ?1 and recipient = ?2", eventId, recipient).firstResultOptional();
    }

    /** A case's deliveries in the order they were first attempted, starting after {@code after} when given. */
    public List<Delivery> caseLog(UUID caseId, Optional<Delivery> after, int limit) {
        if (after.isEmpty()) {
            return find("caseId = ?1 order by createdAt, id", caseId).page(0, limit).list();
        }
        return find("caseId = :caseId and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                Parameters.with("caseId", caseId).and("at", after.get().createdAt).and("id", after.get().id))
                .page(0, limit).list();
    }
}
