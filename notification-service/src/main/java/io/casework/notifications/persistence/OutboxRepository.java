package io.casework.notifications.persistence;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** One relay at a time across all instances, so events leave in commit order. */
    public boolean tryLockRelay() {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('casework.outbox.relay'))")
                .getSingleResult();
    }

    public List<OutboxEvent> nextUnpublished(int limit) {
        return find("publishedAt is null order by seq").page(0, limit).list();
    }

    public void markPublished(List<Long> seqs, Instant at) {
        update("publishedAt = ?1 where seq in ?2", at, seqs);
    }
}
