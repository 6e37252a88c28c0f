package io.casework.notifications.service;

import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.messaging.inbound.InboundRecords;
import io.casework.notifications.observability.NotificationMetrics;
import io.casework.notifications.persistence.DeadLetter;
import io.casework.notifications.persistence.DeliveryRepository;
import io.casework.notifications.persistence.ProcessedMessage;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;

/**
 * Events whose mails still failed after every automatic retry: parked with their failed deliveries marked
 * DEAD, so that the consumer moves on; ops list them and retry each delivery when SMTP works again.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    private final DeliveryRepository deliveries;
    private final DeliveryLog log;
    private final NotificationService notifications;
    private final MailDelivery mail;
    private final NotificationMetrics metrics;

    DeadLetterService(DeliveryRepository deliveries, DeliveryLog log, NotificationService notifications, MailDelivery mail,
            NotificationMetrics metrics) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.log = log;
        this.notifications = notifications;
        this.mail = mail;
    }

    /**
     * Keeps the event and marks it processed (a redelivery must not mail again by itself), and turns its
     * failed deliveries DEAD; those already sent or rejected stay as they are.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void park(CloudEvent event, String payload) {
        if (DeadLetter.findById(event.getId()) == null) {
            DeadLetter letter = new DeadLetter();
            letter.eventId = event.getId();
            letter.type = event.getType();
            letter.payload = payload;
            letter.parkedAt = Instant.now();
            letter.persist();
        }
        ProcessedMessage.markProcessed(event.getId(), event.getType());
        int dead = log.markDead(event.getId());
        metrics.deadLettered(dead);
        LOG.errorf("Gave up on %s event %s after every retry: %d delivery(ies) wait for ops (GET /api/v1/notifications/dead-letters)",
                event.getType(), event.getId(), dead);
    }

    /**
     * Renders the dead delivery's mail again from its event and sends it. One retry per event at a time (the
     * dead letter is locked). 404 unknown delivery, 409 not DEAD or no longer due, 503 SMTP still failing.
     */
    @Transactional
    public void retry(UUID deliveryId) {
        Delivery delivery = deliveries.findByIdOptional(deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
        DeadLetter letter = DeadLetter.findById(delivery.eventId, LockModeType.PESSIMISTIC_WRITE);
        deliveries.getEntityManager().refresh(delivery);
        if (delivery.status != DeliveryStatus.DEAD || letter == null) {
            throw new ClientErrorException("Only DEAD deliveries can be retried; this one is " + delivery.status,
                    Response.Status.CONFLICT);
        }
        CloudEvent event = InboundRecords.parse(letter.payload, "dead letter " + letter.eventId);
        Notification notification = notifications.plan(event).stream()
                .filter(n -> n.recipient().equals(delivery.recipient))
                .findFirst()
                .orElseThrow(() -> new ClientErrorException("The event no longer causes a mail to " + delivery.recipient
                        + " (unsubscribed or preferences changed)", Response.Status.CONFLICT));
        try {
            mail.deliver(notification);
        } catch (MailDeliveryException e) {
            log.markDeadAgain(delivery.eventId, delivery.recipient);
            throw new ServiceUnavailableException("The SMTP server still refuses the mail: " + e.getMessage());
        }
    }
}
