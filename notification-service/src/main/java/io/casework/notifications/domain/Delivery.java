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
 * The mail one event caused for one recipient, and how sending it went. Unique per (event, recipient): a redelivered
 * event finds its row and does not mail again. The rendered mail is kept until the SMTP server accepted it or refused
 * it for good, then erased. Written by the event's handler (PENDING, in the event's transaction) and by MailSender.
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

    /** The aggregate (case, known issue or organization): a recipient's mails of one go out in recording order. */
    @Column(name = "order_key")
    public String orderKey;

    /** PENDING and FAILED: when it is due; SENDING: when the attempt's lease ends. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** When the last attempt started (recorded before the SMTP conversation). */
    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** The rendered mail until it is accepted or refused for good; null after. */
    @Column(name = "mail_text")
    public String mailText;

    @Column(name = "mail_html")
    public String mailHtml;

    /** Extra mail headers (List-Unsubscribe, ...) as a JSON object. */
    @Column(name = "mail_headers")
    public String mailHeaders;
}
