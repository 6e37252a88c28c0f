package io.casework.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A CloudEvent in the outbox, written in the transaction that caused it (table of db/messaging). Rows are inserted with
 * native SQL by {@link OutboxRepository#insertAll}; the entity is for reading and for Hibernate's schema validation.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    /** The whole CloudEvent, JSON structured mode. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** W3C traceparent of the span that wrote it (null when tracing is off): the relay publishes it as a child. */
    public String traceparent;

    /** X-Request-Id of the REST call that caused it, if any: sent as the record's x-request-id header. */
    @Column(name = "request_id")
    public String requestId;
}
