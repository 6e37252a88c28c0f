package io.casework.notifications.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.notifications.persistence.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Records the mails an event causes as PENDING deliveries, rendered, in the event's transaction: a mail exists if and
 * only if its event was applied, and nothing waits for SMTP here. {@link MailSender} sends them after commit.
 */
@ApplicationScoped
public class MailQueue {

    private final DeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Event<MailQueued> queued;

    MailQueue(DeliveryRepository deliveries, ObjectMapper json, Event<MailQueued> queued) {
        this.deliveries = deliveries;
        this.json = json;
        this.queued = queued;
    }

    /** Signal fired in a transaction that queued mail. */
    public record MailQueued() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        List<DeliveryRepository.NewMail> mails = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            mails.add(new DeliveryRepository.NewMail(UUID.randomUUID(), n.eventId(), n.recipient(), n.kind(), n.caseId(),
                    n.incidentId(), n.organizationId(), n.aggregateId(), n.language().code(), n.mail().subject(),
                    n.mail().text(), n.mail().html(), headers(n), messageId(n.eventId(), n.recipient())));
        }
        deliveries.enqueueAll(mails, Instant.now());
        queued.fire(new MailQueued());
    }

    private String headers(Notification notification) {
        if (notification.headers().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(notification.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the headers of a mail", e);
        }
    }

    /** Derived from (event, recipient): every attempt of one delivery carries the same Message-ID. */
    public static String messageId(String eventId, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".casework@casework.example>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
