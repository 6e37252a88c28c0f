package io.casework.notifications.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.persistence.DeliveryRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The delivery repository of the tests, which can fail to record a SENT outcome once per listed recipient, as when
 * PostgreSQL goes down right after the SMTP server accepted a mail (deploy/faults/run postgres).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FlakyDeliveryRepository extends DeliveryRepository {

    /** Recipients whose next SENT record fails. */
    static final Set<String> FAIL_NEXT_SENT_RECORD = ConcurrentHashMap.newKeySet();

    private final Set<UUID> failed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean markSent(UUID id, int attempt, Instant at) {
        if (!FAIL_NEXT_SENT_RECORD.isEmpty() && failed.add(id)
                && FAIL_NEXT_SENT_RECORD.remove(getEntityManager().find(Delivery.class, id).recipient)) {
            throw new IllegalStateException("FATAL: the database system is shutting down");
        }
        return super.markSent(id, attempt, at);
    }
}
