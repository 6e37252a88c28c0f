package io.casework.notifications.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.messaging.event.NotificationSent;
import io.casework.notifications.messaging.outbound.EventOutbox;
import io.casework.notifications.persistence.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.BadRequestException;

/**
 * The record of every mail attempt. Outcomes are committed in their own transaction, right after the SMTP
 * server answered: a failure stays recorded although the event's transaction rolls back to be retried,
 * and a success stays recorded so that no retry or redelivery mails that recipient again.
 */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final EventOutbox outbox;

    DeliveryLog(DeliveryRepository deliveries, EventOutbox outbox) {
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    public record Page(List<Delivery> items, UUID nextCursor) {
    }

    @Transactional
    public boolean alreadySettled(String eventId, String recipient) {
        return deliveries.findByEventAndRecipient(eventId, recipient)
                .filter(d -> d.status.settled())
                .isPresent();
    }

    /** Marks the delivery SENT and announces it with {@code io.casework.notification.sent}, in one transaction. */
    @Transactional(TxType.REQUIRES_NEW)
    public Delivery recordSent(Notification notification) {
        Instant now = Instant.now();
        Delivery delivery = record(notification, DeliveryStatus.SENT, now);
        delivery.sentAt = now;
        delivery.lastError = null;
        outbox.record(NotificationSent.TYPE, notification.aggregateId(), new NotificationSent(delivery.id,
                notification.caseId(), notification.incidentId(), notification.organizationId(), notification.kind().name(),
                notification.recipient(), notification.language().code(), now));
        return delivery;
    }

    /** The recipient was refused for good: final, so neither a retry nor ops will send it again. */
    @Transactional(TxType.REQUIRES_NEW)
    public Delivery recordRejected(Notification notification, Throwable error) {
        Delivery delivery = record(notification, DeliveryStatus.REJECTED, Instant.now());
        delivery.lastError = describe(error);
        return delivery;
    }

    /** Every retry of the event failed: its still-failing deliveries wait for ops. */
    @Transactional(TxType.MANDATORY)
    public int markDead(String eventId) {
        return deliveries.update("status = ?1 where eventId = ?2 and status = ?3", DeliveryStatus.DEAD, eventId,
                DeliveryStatus.FAILED);
    }

    /** An ops retry failed as well: back to the dead letters. */
    @Transactional(TxType.REQUIRES_NEW)
    public void markDeadAgain(String eventId, String recipient) {
        deliveries.update("status = ?1 where eventId = ?2 and recipient = ?3 and status = ?4", DeliveryStatus.DEAD,
                eventId, recipient, DeliveryStatus.FAILED);
    }

    @Transactional
    public Optional<Delivery> find(UUID id) {
        return deliveries.findByIdOptional(id);
    }

    /** Deliveries that gave up, oldest first. */
    @Transactional
    public List<Delivery> deadLetters(int limit) {
        return deliveries.find("status = ?1 order by createdAt, id", DeliveryStatus.DEAD).page(0, limit).list();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Delivery recordFailure(Notification notification, Throwable error) {
        Delivery delivery = record(notification, DeliveryStatus.FAILED, Instant.now());
        delivery.lastError = describe(error);
        return delivery;
    }

    /** A case's deliveries, oldest first, {@code limit} at a time; the cursor is the last delivery seen. */
    @Transactional
    public Page caseLog(UUID caseId, UUID cursor, int limit) {
        Optional<Delivery> after = Optional.empty();
        if (cursor != null) {
            after = deliveries.findByIdOptional(cursor).filter(d -> caseId.equals(d.caseId));
            if (after.isEmpty()) {
                throw new BadRequestException("Unknown cursor " + cursor + " for case " + caseId);
            }
        }
        List<Delivery> items = deliveries.caseLog(caseId, after, limit + 1);
        if (items.size() <= limit) {
            return new Page(items, null);
        }
        List<Delivery> page = items.subList(0, limit);
        return new Page(page, page.getLast().id);
    }

    /** Counts one more attempt on the (event, recipient) row, creating it on the first. */
    private Delivery record(Notification notification, DeliveryStatus status, Instant now) {
        Delivery delivery = deliveries.findByEventAndRecipient(notification.eventId(), notification.recipient())
                .orElseGet(() -> {
                    Delivery first = new Delivery();
                    first.id = UUID.randomUUID();
                    first.eventId = notification.eventId();
                    first.recipient = notification.recipient();
                    first.kind = notification.kind();
                    first.caseId = notification.caseId();
                    first.incidentId = notification.incidentId();
                    first.organizationId = notification.organizationId();
                    first.createdAt = now;
                    return first;
                });
        delivery.smtpMessageId = MailDelivery.messageId(notification);
        // A retry renders again, possibly in a language the recipient chose meanwhile.
        delivery.language = notification.language().code();
        delivery.subject = notification.mail().subject();
        delivery.status = status;
        delivery.attempts++;
        if (!delivery.isPersistent()) {
            deliveries.persist(delivery);
        }
        return delivery;
    }

    /** The innermost cause, which names what the SMTP server or the network said; never any mail content. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
        return text.length() <= Delivery.MAX_ERROR_LENGTH ? text : text.substring(0, Delivery.MAX_ERROR_LENGTH);
    }
}
