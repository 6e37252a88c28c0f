package io.casework.notifications.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.persistence.DeliveryRepository;
import io.casework.notifications.persistence.KnownCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Records the mails an event causes as PENDING deliveries, rendered, in the event's transaction: a mail exists if and
 * only if its event was applied, and nothing waits for SMTP here. {@link MailSender} sends them after commit. Mails
 * about a test (sandbox) case are recorded SUPPRESSED instead, and never sent.
 */
@ApplicationScoped
public class MailQueue {

    private final DeliveryRepository deliveries;
    private final KnownCaseRepository cases;
    private final ObjectMapper json;
    private final Event<MailQueued> queued;

    MailQueue(DeliveryRepository deliveries, KnownCaseRepository cases, ObjectMapper json, Event<MailQueued> queued) {
        this.deliveries = deliveries;
        this.cases = cases;
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
        Map<UUID, Boolean> testCases = new HashMap<>();
        boolean toSend = false;
        for (Notification n : notifications) {
            // A test case's mails are recorded like any other, so that ops and the integration see what would have
            // gone out, but suppressed: no real recipient hears of a sandbox case, and no body is kept.
            boolean suppressed = n.caseId() != null && testCases.computeIfAbsent(n.caseId(), cases::isTestCase);
            toSend |= !suppressed;
            mails.add(new DeliveryRepository.NewMail(UUID.randomUUID(), n.eventId(), n.recipient(), n.kind(), n.caseId(),
                    n.incidentId(), n.organizationId(), n.aggregateId(), n.language().code(), n.mail().subject(),
                    suppressed ? null : n.mail().text(), suppressed ? null : n.mail().html(), suppressed ? null : headers(n),
                    messageId(n.eventId(), n.recipient()), suppressed ? DeliveryStatus.SUPPRESSED : DeliveryStatus.PENDING));
        }
        deliveries.enqueueAll(mails, Instant.now());
        if (toSend) {
            queued.fire(new MailQueued());
        }
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
