package io.casework.notifications.observability;

import io.casework.messaging.observability.AfterCommit;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.domain.WebhookDeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business metrics of mail, by notification kind, counted once MailSender committed the outcome of an attempt:
 * {@code casework_mails_sent_total}, {@code casework_mails_failed_total} (an attempt failed; it is retried),
 * {@code casework_mails_rejected_total} (the recipient was refused for good) and
 * {@code casework_mails_dead_lettered_total} (every retry failed; the delivery waits for ops).
 * Webhook attempts are counted by {@code casework_webhooks_attempts_total} (by outcome) in WebhookSender.
 */
@Startup
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front: a dashboard and an alert see 0, not "no data", before the first mail.
        for (NotificationKind kind : NotificationKind.values()) {
            for (String outcome : new String[] { "sent", "failed", "rejected" }) {
                counter(outcome, kind.name());
            }
        }
        counter("dead_lettered", null);
        for (WebhookDeliveryStatus status : WebhookDeliveryStatus.values()) {
            if (status != WebhookDeliveryStatus.PENDING) {
                registry.counter("casework.webhooks.attempts", "outcome", status.name());
            }
        }
    }

    /** Called after MailSender committed the outcome. */
    public void sent(NotificationKind kind) {
        counter("sent", kind.name()).increment();
    }

    public void failed(NotificationKind kind) {
        counter("failed", kind.name()).increment();
    }

    public void rejected(NotificationKind kind) {
        counter("rejected", kind.name()).increment();
    }

    /** Deliveries that gave up (DEAD), counted once that is committed. */
    public void deadLettered(int deliveries) {
        if (deliveries > 0) {
            AfterCommit.run(() -> counter("dead_lettered", null).increment(deliveries));
        }
    }

    private Counter counter(String outcome, String kind) {
        Counter.Builder builder = Counter.builder("casework.mails." + outcome)
                .description("Mail deliveries " + outcome.replace('_', ' ') + (kind == null ? "" : ", by notification kind"));
        if (kind != null) {
            builder.tag("kind", kind);
        }
        return builder.register(registry);
    }
}
