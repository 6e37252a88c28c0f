package io.casework.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.notifications.observability.NotificationMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.ComposedMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * PostgreSQL failing right after the SMTP server accepted a mail (deploy/faults/run postgres): the SENT record cannot
 * be written, the event is retried, and the retry must record the mail rather than send it a second time.
 */
class MailDeliveryDatabaseFailureTest {

    @Test
    void aRetryAfterTheDatabaseFailedToRecordTheSendDoesNotMailAgain() {
        List<Mail> sent = new ArrayList<>();
        Mailer mailer = new Mailer() {
            @Override
            public void send(Mail... mails) {
                sent.addAll(List.of(mails));
            }
        };
        List<String> recorded = new ArrayList<>();
        DeliveryLog log = new DeliveryLog(null, null) {
            private boolean databaseDown = true;

            @Override
            public boolean alreadySettled(String eventId, String recipient) {
                return recorded.contains(eventId + "|" + recipient);
            }

            @Override
            public Delivery recordSent(Notification notification) {
                if (databaseDown) {
                    databaseDown = false;
                    throw new IllegalStateException("FATAL: the database system is shutting down");
                }
                recorded.add(notification.eventId() + "|" + notification.recipient());
                return new Delivery();
            }
        };
        MailDelivery delivery = new MailDelivery(mailer, log, new NotificationMetrics(new SimpleMeterRegistry()));
        Notification notification = Notification.aboutCase(UUID.randomUUID().toString(), NotificationKind.CASE_OPENED,
                UUID.randomUUID(), "alice@acme.example", Language.EN, new ComposedMail("[C-1] Case received", "text", "<p>html</p>"));

        assertThrows(IllegalStateException.class, () -> delivery.deliver(notification));
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver(notification));
        assertEquals(MailDelivery.Outcome.ALREADY_SETTLED, delivery.deliver(notification));

        assertEquals(1, sent.size(), "mails handed to the SMTP server");
        assertEquals(List.of(notification.eventId() + "|alice@acme.example"), recorded);
    }
}
