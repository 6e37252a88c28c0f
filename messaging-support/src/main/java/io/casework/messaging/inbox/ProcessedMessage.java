package io.casework.messaging.inbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An inbound event id already applied: the idempotent consumer's log (table of db/messaging). Written by {@link Inbox}
 * with native SQL; the entity is for reading and for Hibernate's schema validation.
 */
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
}
