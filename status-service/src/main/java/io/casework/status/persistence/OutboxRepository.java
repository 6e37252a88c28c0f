package io.casework.status.persistence;

import java.time.Instant;
import java.util.Collection;
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
        // Native: an HQL update is translated again for every batch size (a profile of the flow showed it at 7 % of
        // notification-service's CPU); the SQL string is all PostgreSQL's driver needs.
        getEntityManager().createNativeQuery("UPDATE outbox_event SET published_at = ?1 WHERE seq IN (?2)")
                .setParameter(1, at)
                .setParameter(2, seqs)
                .executeUpdate();
    }

    /** Rows of these types after {@code seq}, in seq (= commit) order: what the live stream sends. */
    public List<OutboxEvent> after(long seq, Collection<String> types, int limit) {
        return find("seq > ?1 and type in ?2 order by seq", seq, types).page(0, limit).list();
    }

    public long latestSeq() {
        Long latest = find("select max(seq) from OutboxEvent").project(Long.class).firstResult();
        return latest == null ? 0 : latest;
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }
}
