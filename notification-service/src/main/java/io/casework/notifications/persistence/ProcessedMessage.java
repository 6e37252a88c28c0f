package io.casework.notifications.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inbound event id already applied: the idempotent consumer's log. */
@Entity
@Table(name = "processed_message")
public class ProcessedMessage extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /**
     * Records {@code eventId}; false when it was already processed (the caller then skips it). The insert
     * happens at once, not at flush: a copy of the event handled concurrently waits here until the first
     * copy commits (and is then skipped) or rolls back (and then takes over), so two copies never both mail.
     */
    public static boolean markProcessed(String eventId, String type) {
        int inserted = getEntityManager()
                .createNativeQuery("INSERT INTO processed_message (event_id, type, processed_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }
}
