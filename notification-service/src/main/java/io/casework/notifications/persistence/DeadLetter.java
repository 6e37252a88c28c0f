package io.casework.notifications.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An inbound event whose mails still failed after every retry. Its DEAD deliveries are listed for ops, and a
 * retry renders the mail again from this event (mail bodies themselves are never stored).
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String type;

    /** The CloudEvent as it was read (JSON structured mode). */
    @Column(nullable = false)
    public String payload;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;
}
