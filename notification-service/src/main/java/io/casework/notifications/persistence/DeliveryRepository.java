package io.casework.notifications.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.domain.NotificationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

/** The delivery log and mail queue: rows recorded by the event handlers, claimed and settled by MailSender. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** A rendered mail to queue for one (event, recipient). */
    public record NewMail(UUID id, String eventId, String recipient, NotificationKind kind, UUID caseId, UUID incidentId,
            String organizationId, String orderKey, String language, String subject, String text, String html,
            String headers, String messageId, DeliveryStatus status) {
    }

    /** A delivery claimed for an attempt: what the SMTP conversation and the outcome's record need. */
    public record Claimed(UUID id, int attempt, String eventId, String recipient, NotificationKind kind, UUID caseId,
            UUID incidentId, String organizationId, String language, String subject, String text, String html,
            String headers, String messageId) {
    }

    public Optional<Delivery> findByEventAndRecipient(String eventId, String recipient) {
        return find("eventId = ?1 and recipient = ?2", eventId, recipient).firstResultOptional();
    }

    /**
     * Queues the mails, PENDING (or SUPPRESSED, for a test case: never sent) and due now, with one statement (in this order: their sequence). A (event, recipient)
     * that already has a row keeps it, except a FAILED row of the previous release, which kept no mail: it is queued
     * again with this one.
     */
    public void enqueueAll(List<NewMail> mails, Instant now) {
        if (mails.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO delivery (id, event_id, recipient, kind, case_id, incident_id, organization_id, order_key,
                                          language, subject, mail_text, mail_html, mail_headers, smtp_message_id,
                                          status, attempts, created_at, next_attempt_at)
                    SELECT CAST(r.id AS uuid), r.event_id, r.recipient, r.kind, CAST(r.case_id AS uuid),
                           CAST(r.incident_id AS uuid), r.organization_id, r.order_key, r.language, r.subject, r.text,
                           r.html, r.headers, r.message_id, r.status, 0, ?, ?
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                         WITH ORDINALITY AS r (id, event_id, recipient, kind, case_id, incident_id, organization_id,
                                               order_key, language, subject, text, html, headers, message_id, status, n)
                    ORDER BY r.n
                    ON CONFLICT (event_id, recipient) DO UPDATE SET status = EXCLUDED.status, next_attempt_at = EXCLUDED.next_attempt_at,
                        order_key = EXCLUDED.order_key, language = EXCLUDED.language, subject = EXCLUDED.subject,
                        mail_text = EXCLUDED.mail_text, mail_html = EXCLUDED.mail_html, mail_headers = EXCLUDED.mail_headers,
                        smtp_message_id = EXCLUDED.smtp_message_id
                    WHERE delivery.status = 'FAILED' AND delivery.mail_text IS NULL
                    """)) {
                insert.setObject(1, now.atOffset(ZoneOffset.UTC));
                insert.setObject(2, now.atOffset(ZoneOffset.UTC));
                int i = 3;
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(m -> m.id().toString()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::eventId).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::recipient).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(m -> m.kind().name()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(m -> text(m.caseId())).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(m -> text(m.incidentId())).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::organizationId).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::orderKey).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::language).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::subject).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::text).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::html).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::headers).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", mails.stream().map(NewMail::messageId).toArray()));
                insert.setArray(i, connection.createArrayOf("text", mails.stream().map(m -> m.status().name()).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Claims up to {@code limit} due deliveries for an attempt, and records it: SENDING, one more attempt, leased until
     * {@code leaseUntil} (after which another sender may take it over). Only the first unsettled mail of each recipient
     * and aggregate is due, so that they go out in the order they were recorded; rows another sender is claiming are
     * skipped (SKIP LOCKED), so that several instances share the work.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return claim("""
                SELECT c.id FROM delivery c
                WHERE c.status IN ('PENDING', 'SENDING', 'FAILED') AND c.next_attempt_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.order_key = c.order_key AND e.recipient = c.recipient
                                  AND e.seq < c.seq AND e.status IN ('PENDING', 'SENDING', 'FAILED'))
                ORDER BY c.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""", now, leaseUntil, limit, null);
    }

    /** Claims one DEAD delivery for ops' retry (locked until the claim commits); empty when it is not DEAD. */
    public Optional<Claimed> claimDead(UUID id, Instant now, Instant leaseUntil) {
        return claim("SELECT c.id FROM delivery c WHERE c.id = CAST(? AS uuid) AND c.status = 'DEAD' FOR UPDATE",
                now, leaseUntil, 1, id).stream().findFirst();
    }

    private List<Claimed> claim(String due, Instant now, Instant leaseUntil, int limit, UUID id) {
        List<Claimed> claimed = new ArrayList<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE delivery d SET status = 'SENDING', attempts = d.attempts + 1, attempted_at = ?, next_attempt_at = ?
                    FROM (%s) due WHERE d.id = due.id
                    RETURNING d.id, d.attempts, d.event_id, d.recipient, d.kind, d.case_id, d.incident_id, d.organization_id,
                              d.language, d.subject, d.mail_text, d.mail_html, d.mail_headers, d.smtp_message_id
                    """.formatted(id == null ? due : due.replace(" LIMIT ?", "")))) {
                update.setObject(1, now.atOffset(ZoneOffset.UTC));
                update.setObject(2, leaseUntil.atOffset(ZoneOffset.UTC));
                if (id == null) {
                    update.setObject(3, now.atOffset(ZoneOffset.UTC));
                    update.setInt(4, limit);
                } else {
                    update.setString(3, id.toString());
                }
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3),
                                rows.getString(4), NotificationKind.valueOf(rows.getString(5)), rows.getObject(6, UUID.class),
                                rows.getObject(7, UUID.class), rows.getString(8), rows.getString(9), rows.getString(10),
                                rows.getString(11), rows.getString(12), rows.getString(13), rows.getString(14)));
                    }
                }
            }
        });
        return claimed;
    }

    /** The attempt succeeded: SENT, the mail erased. False when the attempt is no longer ours (its lease ran out). */
    public boolean markSent(UUID id, int attempt, Instant at) {
        return getEntityManager().createNativeQuery("UPDATE delivery SET status = 'SENT', sent_at = ?1, last_error = NULL, "
                + "next_attempt_at = NULL, mail_text = NULL, mail_html = NULL, mail_headers = NULL "
                + "WHERE id = ?2 AND status = 'SENDING' AND attempts = ?3")
                .setParameter(1, at).setParameter(2, id).setParameter(3, attempt).executeUpdate() == 1;
    }

    /** The recipient was refused for good: REJECTED, the mail erased. */
    public boolean markRejected(UUID id, int attempt, String error) {
        return getEntityManager().createNativeQuery("UPDATE delivery SET status = 'REJECTED', last_error = ?1, "
                + "next_attempt_at = NULL, mail_text = NULL, mail_html = NULL, mail_headers = NULL "
                + "WHERE id = ?2 AND status = 'SENDING' AND attempts = ?3")
                .setParameter(1, error).setParameter(2, id).setParameter(3, attempt).executeUpdate() == 1;
    }

    /** The attempt failed: FAILED and due again at {@code retryAt}, or DEAD when {@code retryAt} is null. */
    public boolean markFailed(UUID id, int attempt, String error, Instant retryAt) {
        if (retryAt == null) {
            return getEntityManager().createNativeQuery("UPDATE delivery SET status = 'DEAD', last_error = ?1, next_attempt_at = NULL "
                    + "WHERE id = ?2 AND status = 'SENDING' AND attempts = ?3")
                    .setParameter(1, error).setParameter(2, id).setParameter(3, attempt).executeUpdate() == 1;
        }
        return getEntityManager().createNativeQuery("UPDATE delivery SET status = 'FAILED', last_error = ?1, next_attempt_at = ?2 "
                + "WHERE id = ?3 AND status = 'SENDING' AND attempts = ?4")
                .setParameter(1, error).setParameter(2, retryAt).setParameter(3, id).setParameter(4, attempt).executeUpdate() == 1;
    }

    /** A case's deliveries in the order they were first attempted, starting after {@code after} when given. */
    public List<Delivery> caseLog(UUID caseId, Optional<Delivery> after, int limit) {
        if (after.isEmpty()) {
            return find("caseId = ?1 order by createdAt, id", caseId).page(0, limit).list();
        }
        return find("caseId = :caseId and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                Parameters.with("caseId", caseId).and("at", after.get().createdAt).and("id", after.get().id))
                .page(0, limit).list();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
