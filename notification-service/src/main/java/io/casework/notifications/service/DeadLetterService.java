package io.casework.notifications.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.casework.messaging.inbox.CloudEventRecords;
import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.persistence.DeadLetter;
import io.casework.notifications.persistence.DeliveryRepository;
import io.casework.notifications.persistence.DeliveryRepository.Claimed;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;

/**
 * Ops' retry of a DEAD delivery (every automatic attempt failed): claims it, sends the mail that was rendered for it
 * (a DEAD delivery of the previous release, which kept no mail, is rendered again from its parked event) outside any
 * transaction, and records the outcome as MailSender does; a failure leaves it DEAD.
 */
@ApplicationScoped
public class DeadLetterService {

    private final DeliveryRepository deliveries;
    private final NotificationService notifications;
    private final MailSender sender;
    private final NotificationConfig.Mail config;

    DeadLetterService(DeliveryRepository deliveries, NotificationService notifications, MailSender sender,
            NotificationConfig config) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.sender = sender;
        this.config = config.mail();
    }

    /**
     * Sends the DEAD delivery now. 404 unknown, 409 not DEAD (or no longer due), 503 when SMTP still fails (the detail
     * names the error).
     */
    public void retry(UUID deliveryId) {
        Instant now = Instant.now();
        Instant leaseUntil = now.plus(config.lease());
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = deliveries.findByIdOptional(deliveryId)
                    .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
            if (delivery.status == DeliveryStatus.DEAD && delivery.mailText == null) {
                renderAgain(delivery);
            }
            Optional<Claimed> dead = deliveries.claimDead(deliveryId, now, leaseUntil);
            return dead.orElseThrow(() -> new ClientErrorException("Only DEAD deliveries can be retried; this one is "
                    + deliveries.getEntityManager().find(Delivery.class, deliveryId).status, Response.Status.CONFLICT));
        });
        MailSender.Outcome outcome = sender.attempt(claimed, leaseUntil, true);
        if (outcome == MailSender.Outcome.FAILED) {
            // Ops (and a failing test) see why at once: the error the attempt recorded, as GET deliveries shows it.
            String error = QuarkusTransaction.requiringNew().call(() -> deliveries.findById(deliveryId).lastError);
            throw new ServiceUnavailableException("The SMTP server still refuses the mail (" + error
                    + "); the delivery stays DEAD");
        }
    }

    /** A DEAD delivery of the previous release kept no mail: render it from the parked event, as it was then. */
    private void renderAgain(Delivery delivery) {
        DeadLetter letter = DeadLetter.findById(delivery.eventId);
        if (letter == null) {
            throw new ClientErrorException("The event of delivery " + delivery.id + " is no longer kept",
                    Response.Status.CONFLICT);
        }
        CloudEvent event = CloudEventRecords.parse(letter.payload, "dead letter " + letter.eventId);
        Notification notification = notifications.plan(event).stream()
                .filter(n -> n.recipient().equals(delivery.recipient))
                .findFirst()
                .orElseThrow(() -> new ClientErrorException("The event no longer causes a mail to " + delivery.recipient
                        + " (unsubscribed or preferences changed)", Response.Status.CONFLICT));
        delivery.mailText = notification.mail().text();
        delivery.mailHtml = notification.mail().html();
        delivery.subject = notification.mail().subject();
        delivery.language = notification.language().code();
        delivery.orderKey = notification.aggregateId();
        delivery.smtpMessageId = MailQueue.messageId(delivery.eventId, delivery.recipient);
        deliveries.flush();
    }
}
