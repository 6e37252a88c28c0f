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
 * The mail one event caused for one recipient, and how sending it went. Unique per (event, recipient):
 * a redelivered event finds its row and does not mail again. The body is never stored.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /** Longest failure reason kept; SMTP replies can be long and are only a hint for operators. */
    public static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    /** The case the mail is about; empty for mails about no single case. */
    @Column(name = "case_id")
    public UUID caseId;

    /** The known issue the mail is about; empty for case mails. */
    @Column(name = "incident_id")
    public UUID incidentId;

    /** The organization a contract mail is about; empty for case and known-issue mails. */
    @Column(name = "organization_id")
    public String organizationId;

    @Column(nullable = false)
    public String language;

    /** The mail's subject line (never its body). */
    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The Message-ID header, the same on every attempt for this (event, recipient). */
    @Column(name = "smtp_message_id")
    public String smtpMessageId;
}
