package io.casework.notifications.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.casework.messaging.outbox.OutboxRelay;
import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.domain.Webhook;
import io.casework.notifications.domain.WebhookDelivery;
import io.casework.notifications.domain.WebhookDeliveryStatus;
import io.casework.notifications.domain.WebhookSignature;
import io.casework.notifications.persistence.WebhookDeliveryRepository;
import io.casework.notifications.persistence.WebhookRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Sends due webhook deliveries: claims a batch (FOR UPDATE SKIP LOCKED, so several instances share the work),
 * posts each, signed, outside any transaction, then records the outcome. A 2xx answer is success; anything
 * else is retried with exponential backoff until maxAttempts, then the delivery is DEAD. Runs after a commit
 * that queued deliveries and on a timer (retries, and anything a crashed instance held when its lease ends).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final String CONTENT_TYPE = OutboxRelay.CLOUDEVENTS_CONTENT_TYPE;

    /** Signal fired in a transaction that queued deliveries. */
    public record DeliveriesQueued() {
    }

    private record Attempt(UUID deliveryId, int number, String eventId, String url, List<String> secrets, String payload) {
    }

    private record Outcome(Integer statusCode, String error) {

        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final WebhookDeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final NotificationConfig.Webhooks config;
    private final MeterRegistry metrics;
    private final ExecutorService sends = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-send-", 0).factory());
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("webhook-sender").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final WebhookTransport transport;

    WebhookSender(WebhookDeliveryRepository deliveries, WebhookRepository webhooks, NotificationConfig config,
            MeterRegistry metrics, WebhookTransport transport) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config.webhooks();
        this.metrics = metrics;
        this.transport = transport;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                sendDueSafely();
            });
        }
    }

    @Scheduled(every = "${casework.notifications.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        sendDueSafely();
    }

    void sendDueSafely() {
        try {
            while (sendDueBatch() == config.batchSize()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook sender failed, will retry: %s", e.getMessage());
        }
    }

    /** Claims, sends and records one batch; returns how many deliveries it claimed. */
    int sendDueBatch() {
        Instant now = Instant.now();
        // Long enough for the slowest answer; afterwards another sender may take the delivery over.
        Instant leaseUntil = now.plus(config.requestTimeout().multipliedBy(2)).plusSeconds(5);
        List<Attempt> attempts = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(now, leaseUntil, config.batchSize())
                .stream().map(this::attempt).toList());
        List<Future<?>> running = attempts.stream()
                .<Future<?>>map(a -> sends.submit(() -> record(a, send(a)))).toList();
        for (Future<?> sent : running) {
            try {
                sent.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (ExecutionException e) {
                LOG.warnf("Could not record a webhook attempt (retried when its lease ends): %s", e.getCause().getMessage());
            }
        }
        return attempts.size();
    }

    private Attempt attempt(UUID deliveryId) {
        WebhookDelivery delivery = deliveries.findById(deliveryId);
        Webhook webhook = webhooks.findById(delivery.webhookId);
        return new Attempt(delivery.id, delivery.attempt, delivery.eventId, webhook.url,
                webhook.signingSecrets(Instant.now()), delivery.payload);
    }

    private Outcome send(Attempt attempt) {
        Instant now = Instant.now();
        long timestamp = now.getEpochSecond();
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", CONTENT_TYPE);
            headers.put("User-Agent", "Casework-Webhooks/1.0");
            headers.put("Webhook-Id", attempt.eventId());
            headers.put("Webhook-Timestamp", Long.toString(timestamp));
            // During a rotation's overlap, one signature per secret: the receiver accepts any that verifies.
            headers.put("Webhook-Signature", WebhookSignature.sign(attempt.secrets(), attempt.eventId(), timestamp, attempt.payload()));
            WebhookTransport.Answer answer = transport.post(attempt.url(), headers, attempt.payload());
            return new Outcome(answer.statusCode(), answer.error());
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void record(Attempt attempt, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = deliveries.findById(attempt.deliveryId());
            // Gone with its webhook, or taken over by another sender after our lease ran out.
            if (delivery == null || delivery.attempt != attempt.number()
                    || delivery.status == WebhookDeliveryStatus.SUCCEEDED || delivery.status == WebhookDeliveryStatus.DEAD) {
                return;
            }
            Instant now = Instant.now();
            delivery.lastStatusCode = outcome.statusCode();
            delivery.lastError = outcome.error() == null ? null
                    : outcome.error().substring(0, Math.min(outcome.error().length(), WebhookDelivery.MAX_ERROR_LENGTH));
            if (outcome.succeeded()) {
                delivery.status = WebhookDeliveryStatus.SUCCEEDED;
                delivery.deliveredAt = now;
            } else if (attempt.number() >= config.maxAttempts()) {
                delivery.status = WebhookDeliveryStatus.DEAD;
                LOG.warnf("Webhook delivery %s of event %s is DEAD after %d attempts: %s", delivery.id, delivery.eventId,
                        attempt.number(), outcome.error());
            } else {
                delivery.status = WebhookDeliveryStatus.FAILED;
                delivery.nextAttemptAt = now.plus(backoff(attempt.number()));
            }
            metrics.counter("casework.webhooks.attempts", "outcome", delivery.status.name()).increment();
        });
    }

    /** initialBackoff after the first failure, doubling after each further one, at most maxBackoff. */
    Duration backoff(int failedAttempts) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdown();
        sends.shutdown();
    }
}
