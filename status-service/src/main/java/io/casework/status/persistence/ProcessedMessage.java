package io.casework.status.persistence;

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

    /** Records {@code eventId}; false when it was already processed (the caller then skips it). */
    public static boolean markProcessed(String eventId, String type) {
        if (findById(eventId) != null) {
            return false;
        }
        ProcessedMessage processed = new ProcessedMessage();
        processed.eventId = eventId;
        processed.type = type;
        processed.processedAt = Instant.now();
        processed.persist();
        return true;
    }
}
