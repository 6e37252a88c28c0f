package io.casework.notifications.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.persistence.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;

/** The delivery log as the API shows it: a case's mails, a delivery, the dead letters. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;

    DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    public record Page(List<Delivery> items, UUID nextCursor) {
    }

    @Transactional
    public Optional<Delivery> find(UUID id) {
        return deliveries.findByIdOptional(id);
    }

    /** Deliveries that gave up, oldest first. */
    @Transactional
    public List<Delivery> deadLetters(int limit) {
        return deliveries.find("status = ?1 order by createdAt, id", DeliveryStatus.DEAD).page(0, limit).list();
    }

    /** A case's deliveries, oldest first, {@code limit} at a time; the cursor is the last delivery seen. */
    @Transactional
    public Page caseLog(UUID caseId, UUID cursor, int limit) {
        Optional<Delivery> after = Optional.empty();
        if (cursor != null) {
            after = deliveries.findByIdOptional(cursor).filter(d -> caseId.equals(d.caseId));
            if (after.isEmpty()) {
                throw new BadRequestException("Unknown cursor " + cursor + " for case " + caseId);
            }
        }
        List<Delivery> items = deliveries.caseLog(caseId, after, limit + 1);
        if (items.size() <= limit) {
            return new Page(items, null);
        }
        List<Delivery> page = items.subList(0, limit);
        return new Page(page, page.getLast().id);
    }
}
