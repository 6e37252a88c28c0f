package io.casework.messaging.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The outbox table: appended by {@link EventOutbox}, drained by {@link OutboxRelay}, read by status-service's stream. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** An outbox row to insert: the serialized CloudEvent with its id, Kafka key and type. */
    public record NewRow(UUID id, String aggregateId, String type, String payload, String traceparent, String requestId) {
    }

    /** An unpublished row, as the relay sends it. */
    public record Unpublished(long seq, String aggregateId, String type, String payload, String traceparent,
            String requestId) {
    }

    /**
     * Inserts the rows with one statement (arrays unnested in order, so their sequence follows the list), on the
     * transaction's connection: a batch of events costs one round trip, not one per event.
     */
    public void insertAll(List<NewRow> rows, Instant createdAt) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at, traceparent, request_id)
                    SELECT CAST(r.id AS uuid), r.aggregate_id, r.type, r.payload, ?, r.traceparent, r.request_id
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS text[]))
                         WITH ORDINALITY AS r (id, aggregate_id, type, payload, traceparent, request_id, n)
                    ORDER BY r.n
                    """)) {
                insert.setObject(1, createdAt.atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("text", rows.stream().map(r -> r.id().toString()).toArray()));
                insert.setArray(3, connection.createArrayOf("text", rows.stream().map(NewRow::aggregateId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", rows.stream().map(NewRow::type).toArray()));
                insert.setArray(5, connection.createArrayOf("text", rows.stream().map(NewRow::payload).toArray()));
                insert.setArray(6, connection.createArrayOf("text", rows.stream().map(NewRow::traceparent).toArray()));
                insert.setArray(7, connection.createArrayOf("text", rows.stream().map(NewRow::requestId).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** See {@link OutboxConfig#orderedCommits()}: held until the transaction ends. */
    void lockAppends() {
        getEntityManager()
                .createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext('casework.outbox.append'))")
                .getSingleResult();
    }

    /** The oldest unpublished rows after sequence number {@code after}, in sequence order. */
    public List<Unpublished> nextUnpublished(long after, int limit) {
        List<?> rows = getEntityManager().createNativeQuery("SELECT seq, aggregate_id, type, payload, traceparent, request_id "
                + "FROM outbox_event WHERE published_at IS NULL AND seq > ?1 ORDER BY seq LIMIT ?2")
                .setParameter(1, after)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Unpublished(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5]))
                .toList();
    }

    // Native: an HQL update is translated again for every batch size (7 % of a service's CPU in a flow profile).
    public void markPublished(List<Long> seqs, Instant at) {
        getEntityManager().createNativeQuery("UPDATE outbox_event SET published_at = ?1 WHERE seq IN (?2)")
                .setParameter(1, at)
                .setParameter(2, seqs)
                .executeUpdate();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }

    /** Rows of these types after {@code seq}, in sequence order: a log to replay (status-service's live stream). */
    public List<OutboxEvent> after(long seq, Collection<String> types, int limit) {
        return find("seq > ?1 and type in ?2 order by seq", seq, types).page(0, limit).list();
    }

    /** The highest sequence number written so far, 0 when none. */
    public long latestSeq() {
        Object latest = getEntityManager().createNativeQuery("SELECT max(seq) FROM outbox_event").getSingleResult();
        return latest == null ? 0 : ((Number) latest).longValue();
    }

    /**
     * Deletes up to {@code limit} published rows older than {@code before}, oldest first (the primary key's order, so
     * the scan starts where they are); returns how many.
     */
    public int purgePublished(Instant before, int limit) {
        return getEntityManager().createNativeQuery("DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event "
                + "WHERE published_at IS NOT NULL AND published_at < ?1 ORDER BY seq LIMIT ?2)")
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
