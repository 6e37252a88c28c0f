package io.casework.notifications.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.observability.NotificationMetrics;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a notification over SMTP at most once per event and recipient. Logs who, what and which case,
 * never the body.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

    public enum Outcome {
        SENT,
        /** An earlier attempt already settled this (event, recipient): sent, or refused for good. */
        ALREADY_SETTLED,
        /** The SMTP server refused the recipient for good; recorded as REJECTED and never retried. */
        REJECTED
    }

    private final Mailer mailer;
    private final DeliveryLog log;
    private final NotificationMetrics metrics;
    private final ExecutorService smtp = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("smtp-", 0).factory());
    /**
     * Message-IDs the SMTP server accepted in this process, newest last (bounded). When the database fails between
     * the SMTP server's acceptance and the SENT record (deploy/faults/run postgres found it), the event is retried:
     * this makes the retry record the mail instead of sending it again. Only a crash of the process itself in that
     * window still resends — with the same Message-ID.
     */
    private final Map<String, Boolean> acceptedBySmtp = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    MailDelivery(Mailer mailer, DeliveryLog log, NotificationMetrics metrics) {
        this.mailer = mailer;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Sends the mail unless an earlier attempt for this event already settled this recipient. When the SMTP
     * server fails or refuses for now, the failure is recorded and {@link MailDeliveryException} is thrown, so
     * that the event is handled again later; a permanent refusal of the recipient is recorded and final.
     */
    public Outcome deliver(Notification notification) {
        if (log.alreadySettled(notification.eventId(), notification.recipient())) {
            LOG.debugf("%s mail for %s to %s was already settled", notification.kind(), notification.aggregateId(),
                    notification.recipient());
            return Outcome.ALREADY_SETTLED;
        }
        String messageId = messageId(notification);
        try {
            if (!acceptedBySmtp.containsKey(messageId)) {
                send(toMail(notification));
                acceptedBySmtp.put(messageId, Boolean.TRUE);
            }
        } catch (RuntimeException e) {
            if (permanentlyRejected(e)) {
                Delivery rejected = log.recordRejected(notification, e);
                metrics.rejected(notification.kind());
                LOG.warnf("%s mail for %s to %s rejected for good: %s", notification.kind(), notification.aggregateId(),
                        notification.recipient(), rejected.lastError);
                return Outcome.REJECTED;
            }
            Delivery failed = log.recordFailure(notification, e);
            metrics.failed(notification.kind());
            LOG.warnf("%s mail for %s to %s failed (attempt %d): %s", notification.kind(), notification.aggregateId(),
                    notification.recipient(), failed.attempts, failed.lastError);
            throw new MailDeliveryException("Cannot send " + notification.kind() + " mail for " + notification.aggregateId(), e);
        }
        log.recordSent(notification);
        metrics.sent(notification.kind());
        LOG.infof("Sent %s mail for %s to %s", notification.kind(), notification.aggregateId(), notification.recipient());
        return Outcome.SENT;
    }

    /**
     * RFC 3463 5.1.x (bad destination mailbox or address) or reply 550/551/553: the address will not work on
     * a retry. Other permanent replies (such as 554 for the message) are retried: they may be a relay's
     * misconfiguration that ops fix.
     */
    static boolean permanentlyRejected(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp && smtp.isPermanent()) {
                int code = smtp.getReplyCode();
                return code == 550 || code == 551 || code == 553
                        || smtp.getEnhancedStatus() == SMTPException.EnhancedStatus.OTHER_ADDRESS;
            }
        }
        return false;
    }

    /**
     * Sends from a thread of its own. The mail client's first send runs an ordered executeBlocking on the
     * caller's Vert.x context; called from the ordered Kafka consumer, that task would queue behind the
     * consumer's own task, which waits for the send: a deadlock until the mailer's timeout, on every retry.
     */
    private void send(Mail mail) {
        Future<?> sending = smtp.submit(() -> mailer.send(mail));
        try {
            sending.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Mailer failed", e.getCause());
        } catch (InterruptedException e) {
            sending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending mail", e);
        }
    }

    @PreDestroy
    void stop() {
        smtp.shutdown();
    }

    private static Mail toMail(Notification notification) {
        Mail mail = Mail.withText(notification.recipient(), notification.mail().subject(), notification.mail().text())
                .setHtml(notification.mail().html())
                .addHeader("Content-Language", notification.language().code())
                // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("Message-ID", messageId(notification));
        notification.headers().forEach(mail::addHeader);
        return mail;
    }

    /** Derived from (event, recipient): every attempt of one delivery carries the same Message-ID. */
    static String messageId(Notification notification) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (notification.eventId() + "\n" + notification.recipient()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "<" + java.util.HexFormat.of().formatHex(digest, 0, 16) + ".casework@casework.example>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
