package io.casework.notifications.service;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.messaging.observability.AfterCommit;
import io.casework.messaging.outbox.EventOutbox;
import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.domain.Delivery;
import io.casework.notifications.messaging.event.NotificationSent;
import io.casework.notifications.observability.NotificationMetrics;
import io.casework.notifications.persistence.DeliveryRepository;
import io.casework.notifications.persistence.DeliveryRepository.Claimed;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Sends queued mail ({@link MailQueue}) the way webhooks are sent: claims due deliveries (FOR UPDATE SKIP LOCKED, so
 * several instances share the work; a recipient's mails of one case, known issue or organization one after another, in
 * the order they were recorded) and talks SMTP outside any transaction, several mails at a time.
 * <p>
 * The attempt is recorded (SENDING, attempts + 1, leased) and committed before the SMTP conversation, and the outcome
 * right after the server's answer: SENT (with {@code io.casework.notification.sent} in the same transaction), REJECTED
 * for a permanent refusal of the address, else FAILED and due again after a backoff, DEAD once the attempts are
 * exhausted. Should the database be unavailable when the answer comes, recording it is retried until the lease ends.
 * A mail is therefore sent twice only when this process dies (or loses the database for longer than the lease) between
 * the SMTP server's acceptance and that record: another attempt, after the lease, sends it again with the same
 * Message-ID. Runs after a commit that queued mail and every casework.notifications.mail.poll-interval (retries, and
 * deliveries a dead instance held when their lease ends).
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    public enum Outcome {
        SENT, FAILED, REJECTED, NOT_OURS
    }

    private final DeliveryRepository deliveries;
    private final Mailer mailer;
    private final EventOutbox outbox;
    private final NotificationMetrics metrics;
    private final NotificationConfig.Mail config;
    private final ObjectMapper json;
    private final ExecutorService sends = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("smtp-", 0).factory());
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    MailSender(DeliveryRepository deliveries, Mailer mailer, EventOutbox outbox, NotificationMetrics metrics,
            NotificationConfig config, ObjectMapper json) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config.mail();
        this.json = json;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueue.MailQueued queued) {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    void start(@Observes StartupEvent started) {
        running = true;
        loop = Thread.ofVirtual().name("mail-sender").start(this::sendUntilStopped);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (loop != null) {
            loop.join(Duration.ofSeconds(10));
        }
        sends.shutdown();
    }

    private void sendUntilStopped() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && sendDueBatch() == config.batchSize()) {
                    // a full batch: there may be more
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Mail sender failed, will retry: %s", e.getMessage());
            }
        }
    }

    /** Claims, sends and records one batch; returns how many deliveries it claimed. */
    int sendDueBatch() {
        Instant now = Instant.now();
        Instant leaseUntil = now.plus(config.lease());
        List<Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claimDue(now, leaseUntil, config.batchSize()));
        List<Future<Outcome>> running = claimed.stream().map(c -> sends.submit(() -> attempt(c, leaseUntil, false))).toList();
        for (Future<Outcome> sent : running) {
            try {
                sent.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (ExecutionException e) {
                LOG.warnf("A mail attempt failed unexpectedly (retried when its lease ends): %s", e.getCause().toString());
            }
        }
        return claimed.size();
    }

    /**
     * Sends a claimed delivery and records the outcome. {@code deadOnFailure}: an ops retry, whose failure leaves the
     * delivery DEAD rather than retried.
     */
    Outcome attempt(Claimed mail, Instant leaseUntil, boolean deadOnFailure) {
        RuntimeException failure = null;
        try {
            mailer.send(toMail(mail));
        } catch (RuntimeException e) {
            failure = e;
        }
        RuntimeException outcome = failure;
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> record(mail, outcome, deadOnFailure));
            } catch (RuntimeException e) {
                // The database is unavailable: the answer is known only here, so keep trying while the lease holds.
                if (!running && !deadOnFailure || Instant.now().plus(backoff).isAfter(leaseUntil)) {
                    LOG.errorf("Could not record the outcome of mail %s to %s (%s); it is attempted again after its lease",
                            mail.id(), mail.recipient(), e.getMessage());
                    return Outcome.NOT_OURS;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : backoff.multipliedBy(2);
            }
        }
    }

    private Outcome record(Claimed mail, RuntimeException failure, boolean deadOnFailure) {
        if (failure == null) {
            Instant now = Instant.now();
            if (!deliveries.markSent(mail.id(), mail.attempt(), now)) {
                return Outcome.NOT_OURS;
            }
            outbox.record(NotificationSent.TYPE, aggregateId(mail), new NotificationSent(mail.id(), mail.caseId(),
                    mail.incidentId(), mail.organizationId(), mail.kind().name(), mail.recipient(), mail.language(), now));
            afterCommit(() -> metrics.sent(mail.kind()));
            LOG.infof("Sent %s mail for %s to %s", mail.kind(), aggregateId(mail), mail.recipient());
            return Outcome.SENT;
        }
        String error = describe(failure);
        if (permanentlyRejected(failure)) {
            if (!deliveries.markRejected(mail.id(), mail.attempt(), error)) {
                return Outcome.NOT_OURS;
            }
            afterCommit(() -> metrics.rejected(mail.kind()));
            LOG.warnf("%s mail for %s to %s rejected for good: %s", mail.kind(), aggregateId(mail), mail.recipient(), error);
            return Outcome.REJECTED;
        }
        boolean dead = deadOnFailure || mail.attempt() >= config.maxAttempts();
        if (!deliveries.markFailed(mail.id(), mail.attempt(), error, dead ? null : Instant.now().plus(backoff(mail.attempt())))) {
            return Outcome.NOT_OURS;
        }
        afterCommit(() -> {
            metrics.failed(mail.kind());
            if (dead && !deadOnFailure) {
                metrics.deadLettered(1);
            }
        });
        if (dead) {
            LOG.errorf("Gave up on %s mail for %s to %s after %d attempts: %s; it waits for ops "
                    + "(GET /api/v1/notifications/dead-letters)", mail.kind(), aggregateId(mail), mail.recipient(),
                    mail.attempt(), error);
        } else {
            LOG.warnf("%s mail for %s to %s failed (attempt %d): %s", mail.kind(), aggregateId(mail), mail.recipient(),
                    mail.attempt(), error);
        }
        return Outcome.FAILED;
    }

    /** initialBackoff after the first failure, doubling after each further one, at most maxBackoff. */
    Duration backoff(int failedAttempts) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private Mail toMail(Claimed mail) {
        Mail message = Mail.withText(mail.recipient(), mail.subject(), mail.text())
                .setHtml(mail.html())
                .addHeader("Content-Language", mail.language())
                // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("Message-ID", mail.messageId());
        if (mail.headers() != null) {
            try {
                json.readValue(mail.headers(), new TypeReference<Map<String, String>>() {
                }).forEach(message::addHeader);
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable headers of mail " + mail.id(), e);
            }
        }
        return message;
    }

    private static String aggregateId(Claimed mail) {
        return mail.caseId() != null ? mail.caseId().toString()
                : mail.incidentId() != null ? mail.incidentId().toString() : mail.organizationId();
    }

    /**
     * RFC 3463 5.1.x (bad destination mailbox or address) or reply 550/551/553: the address will not work on a retry.
     * Other permanent replies (such as 554 for the message) are retried: they may be a relay's misconfiguration that
     * ops fix.
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

    /** The innermost cause, which names what the SMTP server or the network said; never any mail content. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
        return text.length() <= Delivery.MAX_ERROR_LENGTH ? text : text.substring(0, Delivery.MAX_ERROR_LENGTH);
    }

    private static void afterCommit(Runnable action) {
        AfterCommit.run(action);
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
