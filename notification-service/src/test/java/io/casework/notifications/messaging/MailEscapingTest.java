package io.casework.notifications.messaging;

import static io.casework.notifications.Events.caseEvent;
import static io.casework.notifications.Events.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.casework.notifications.Events.TestCase;
import io.casework.notifications.Mails;
import io.casework.notifications.SmtpServer;
import io.casework.testsupport.fuzz.HostileInput;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

/**
 * Text that customers and staff typed reaches mails as text: each injection payload ({@code <script>}, {@code ]]>},
 * Qute and EL expressions...) in a case subject and a reply is escaped in the HTML part, shown literally (never
 * evaluated) in both parts, and a line break in the subject adds no header.
 */
@QuarkusTest
class MailEscapingTest {

    @Test
    void injectedSubjectAndReplyAreMailedAsText() throws Exception {
        TestCase c = TestCase.of("en", "sam@casework.example");
        String payloads = String.join("\n", HostileInput.MARKUP_INJECTIONS);
        String subject = "<script>alert('subject')</script> {{7*7}} ${7*7}\r\nBcc: victim@evil.example";
        Map<String, Object> fields = CaseMailTest.comment("sam@casework.example", "PUBLIC", "STAFF", payloads);
        fields.put("subject", subject);

        CaseMailTest.send(c, caseEvent("io.casework.case.comment-added", id(), c, "IN_PROGRESS", fields));
        CaseMailTest.awaitDeliveries(c, 1);

        MimeMessage mail = CaseMailTest.single(c.contact());
        String html = Mails.html(mail);
        String text = Mails.text(mail);
        for (String raw : List.of("<script>alert", "<img src=x", "<injected>", "</title></head>", "<body onload",
                "<!DOCTYPE x", "<!ENTITY", "<!-- comment -->")) {
            assertFalse(html.contains(raw), "HTML part contains raw markup " + raw + ":\n" + html);
        }
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        for (String literal : List.of("{{7*7}}", "${7*7}", "{#if true}qute{/if}", "{inject:bean}", "]]>")) {
            assertTrue(text.contains(literal), "text part shows " + literal + " as typed:\n" + text);
        }
        assertTrue(html.contains("{{7*7}}") && html.contains("${7*7}"), "expressions are not evaluated:\n" + html);
        assertTrue(SmtpServer.messagesTo("victim@evil.example").isEmpty(), "a header was injected through the subject");
        assertNull(mail.getHeader("Bcc"));
        assertEquals(1, mail.getAllRecipients().length);
    }
}
