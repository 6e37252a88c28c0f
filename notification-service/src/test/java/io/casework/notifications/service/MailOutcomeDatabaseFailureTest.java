package io.casework.notifications.service;

import static io.casework.notifications.Events.id;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.messaging.DeliveryFailureTest;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL failing right after the SMTP server accepted a mail (deploy/faults/run postgres): MailSender cannot write
 * SENT at once, keeps the answer and records it when the database answers again; the mail is not sent a second time.
 */
@QuarkusTest
class MailOutcomeDatabaseFailureTest {

    @Test
    void anOutcomeThatCannotBeRecordedAtOnceIsRecordedLaterWithoutMailingAgain() {
        TestCase c = TestCase.of("en", null);
        FlakyDeliveryRepository.FAIL_NEXT_SENT_RECORD.add(c.contact());

        EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), CaseEvents.caseOpened(id(), c.caseId(), c.number(),
                c.contact(), List.of(), "en"));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> DeliveryFailureTest.deliveries(c.caseId())
                .body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(1)));
        assertEquals(false, FlakyDeliveryRepository.FAIL_NEXT_SENT_RECORD.contains(c.contact()), "the record failed once");
        assertEquals(1, SmtpServer.messagesTo(c.contact()).size(), "mails handed to the SMTP server");
    }
}
