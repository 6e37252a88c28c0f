package io.casework.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event for one webhook, and how sending it went. Unique per (webhook, event): a redelivered event finds
 * its row and is not sent again. Attempts are signed anew, with the same Webhook-Id (the event id).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;

    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The case the event is about; empty for test events. */
    @Column(name = "case_id")
    public UUID caseId;

    /** The CloudEvent JSON exactly as it is sent (and signed). */
    @Column(nullable = false)
    public String payload;

    /** Attempts started so far. */
    @Column(nullable = false)
    public int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookDeliveryStatus status;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** The HTTP status of the last answer, if the endpoint answered. */
    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
