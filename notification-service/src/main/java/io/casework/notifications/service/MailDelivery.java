package io.casework.notifications.service;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import io.casework.notifications.domain.Delivery;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a notification over SMTP at most once per event and recipient. Logs who, what and which case,
 * never the body.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

    private final Mailer mailer;
    private final DeliveryLog log;
    private final ExecutorService smtp = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("smtp-", 0).factory());

    MailDelivery(Mailer mailer, DeliveryLog log) {
        this.mailer = mailer;
        this.log = log;
    }

    /**
     * Sends the mail unless an earlier attempt for this event already reached this recipient. When the SMTP
     * server refuses, the failure is recorded and {@link MailDeliveryException} is thrown, so that the event is
     * handled again later.
     */
    public void deliver(Notification notification) {
        if (log.alreadySent(notification.eventId(), notification.recipient())) {
            LOG.debugf("%s mail for case %s to %s was already sent", notification.kind(), notification.caseId(),
                    notification.recipient());
            return;
        }
        try {
            send(toMail(notification));
        } catch (RuntimeException e) {
            Delivery failed = log.recordFailure(notification, e);
            LOG.warnf("%s mail for case %s to %s failed (attempt %d): %s", notification.kind(), notification.caseId(),
                    notification.recipient(), failed.attempts, failed.lastError);
            throw new MailDeliveryException("Cannot send " + notification.kind() + " mail for case "
                    + notification.caseId(), e);
        }
        log.recordSent(notification);
        LOG.infof("Sent %s mail for case %s to %s", notification.kind(), notification.caseId(), notification.recipient());
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
        return Mail.withText(notification.recipient(), notification.mail().subject(), notification.mail().text())
                .setHtml(notification.mail().html())
                .addHeader("Content-Language", notification.language().code())
                // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
                .addHeader("Auto-Submitted", "auto-generated");
    }
}
