package io.casework.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A customer's mails, as the stack's SMTP server received them, keep their promises: every link in them is followed
 * as the reader would (the case link with the reader's login; the survey link without any), the receipt's first-
 * response target arrives, and the survey link answers once, refuses a tampered token and records nothing on GET.
 */
class MailLinksIT {

    static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");
    static final String ALICE = "alice@acme.example";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    record Mail(String subject, String text, String html) {

        List<String> links() {
            Set<String> links = new LinkedHashSet<>();
            for (String body : new String[] { text, html }) {
                Matcher matcher = LINK.matcher(body == null ? "" : body);
                while (matcher.find()) {
                    links.add(matcher.group().replace("&amp;", "&"));
                }
            }
            return List.copyOf(links);
        }
    }

    @Test
    void everyLinkInTheCaseMailsWorksAndTheSurveyLinkAnswersOnceWithoutLogin() {
        String alice = Stack.token(ALICE);
        String sam = Stack.token("sam@casework.example");
        String subject = "MailLinksIT " + UUID.randomUUID();
        var filed = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("product", "Cloud Mail", "subject", subject, "description", "Links in mails", "priority", "P3"))
                .post(Stack.GATEWAY + "/api/v1/cases").then().statusCode(201).extract();
        String id = filed.path("id");
        String number = filed.path("number");

        // The receipt, and the first-response target it promises (in the receipt itself when it was already known).
        Mail receipt = awaitMail(number, "Case received");
        if (!receipt.text().contains("First response due by")) {
            assertTrue(receipt.text().contains("will follow in a separate message"), receipt.text());
            Mail target = awaitMail(number, "First-response target");
            assertTrue(target.text().contains("First response due by"), target.text());
        }

        given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(Map.of("body", "Please restart the sync client.", "visibility", "PUBLIC"))
                .post(Stack.GATEWAY + "/api/v1/cases/" + id + "/comments").then().statusCode(201);
        given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(Map.of("to", "ACTION_REQUIRED", "reason", "Waiting for the sync client's log"))
                .post(Stack.GATEWAY + "/api/v1/cases/" + id + "/transitions").then().statusCode(200);
        given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(Map.of("reason", "BUSINESS_IMPACT", "justification", "Quarter-end invoicing is blocked"))
                .post(Stack.GATEWAY + "/api/v1/cases/" + id + "/escalate").then().statusCode(200);
        given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(Map.of("resolutionCode", "RESOLVED", "note", "Quota raised"))
                .post(Stack.GATEWAY + "/api/v1/cases/" + id + "/resolve").then().statusCode(200);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{}")
                .post(Stack.GATEWAY + "/api/v1/cases/" + id + "/close").then().statusCode(200);
        awaitMail(number, "New reply");
        awaitMail(number, "Status: Waiting for your reply");
        awaitMail(number, "Case escalated");
        awaitMail(number, "Solution provided");
        Mail closed = awaitMail(number, "Case closed");

        String surveyLink = followCaseLinks(mails(number), id, number, alice, closed.subject());
        assertTrue(surveyLink != null, "the closing mail's survey link");

        // A mail scanner opens the link: a page, nothing recorded.
        given().accept(BROWSER).get(surveyLink).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString(number)).body(containsString("method=\"post\""));
        given().accept(ContentType.JSON).get(surveyLink).then().statusCode(200).body("caseId", equalTo(id));
        given().auth().oauth2(alice).get(Stack.GATEWAY + "/api/v1/cases/" + id).then().body("surveyRating", nullValue());

        String tampered = surveyLink.substring(0, surveyLink.length() - 2) + (surveyLink.endsWith("AA") ? "BB" : "AA");
        given().contentType(ContentType.JSON).body("{\"rating\": 1}").post(tampered)
                .then().statusCode(403).contentType("application/problem+json");

        // The reader presses "5 - Very satisfied": answered once, without a login.
        given().accept(BROWSER).contentType(ContentType.URLENC).formParam("rating", "5").post(surveyLink)
                .then().statusCode(200).body(containsString("Thank you"));
        given().auth().oauth2(alice).get(Stack.GATEWAY + "/api/v1/cases/" + id).then().body("surveyRating", equalTo(5));
        given().contentType(ContentType.JSON).body("{\"rating\": 1}").post(surveyLink)
                .then().statusCode(409).contentType("application/problem+json");

        // A reply within the reopen window reopens the case: its mail links to the case too, and the first closing
        // mail's survey link stays answered.
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("body", "It happened again this morning.", "visibility", "PUBLIC"))
                .post(Stack.GATEWAY + "/api/v1/cases/" + id + "/comments").then().statusCode(201);
        Mail reopened = awaitMail(number, "Case reopened");
        followCaseLinks(List.of(reopened), id, number, alice, null);
        given().accept(ContentType.JSON).get(surveyLink).then().statusCode(409).contentType("application/problem+json");

        Set<String> kinds = new java.util.TreeSet<>();
        for (Mail mail : mails(number)) {
            kinds.add(mail.subject().replaceFirst("^\\[[^\\]]+\\] ", "").replaceFirst(":.*", ""));
        }
        assertTrue(kinds.containsAll(List.of("Case received", "New reply", "Status", "Case escalated",
                "Solution provided", "Case closed", "Case reopened")), "every case mail kind was followed: " + kinds);
    }

    /**
     * Follows every link of {@code mails}: the case link with the reader's login (and, without one, a 401 that asks
     * for it: not a dead link); returns the survey link, which only the mail with subject {@code surveySubject} has.
     */
    static String followCaseLinks(List<Mail> mails, String id, String number, String token, String surveySubject) {
        String surveyLink = null;
        for (Mail mail : mails) {
            List<String> links = mail.links();
            assertFalse(links.isEmpty(), mail.subject() + " links to the case");
            boolean caseLink = false;
            for (String link : links) {
                if (link.contains("/survey/signed?token=")) {
                    assertEquals(surveySubject, mail.subject(), "only the closing mail carries the survey");
                    surveyLink = link;
                    continue;
                }
                assertEquals(Stack.GATEWAY + "/api/v1/cases/" + id, link, mail.subject());
                given().auth().oauth2(token).get(link).then().statusCode(200).body("id", equalTo(id)).body("number", equalTo(number));
                given().get(link).then().statusCode(401).contentType("application/problem+json");
                caseLink = true;
            }
            assertTrue(caseLink, mail.subject() + " links to the case");
        }
        return surveyLink;
    }

    /** Waits for alice's mail about case {@code number} whose subject contains {@code kind}. */
    static Mail awaitMail(String number, String kind) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mails(number).stream().filter(m -> m.subject().contains(kind)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Alice's mails whose subject contains {@code number}, parsed from the raw MIME that the stack's SMTP server kept. */
    static List<Mail> mails(String number) {
        List<String> raws = given().get(Stack.MAIL_API + "/api/user/" + ALICE + "/messages/INBOX")
                .then().statusCode(200).extract().path("findAll { it.subject.contains('" + number + "') }.mimeMessage");
        List<Mail> mails = new ArrayList<>();
        for (String raw : raws) {
            try {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
                mails.add(new Mail(message.getSubject(), part(message, "text/plain"), part(message, "text/html")));
            } catch (Exception e) {
                throw new IllegalStateException("Unreadable mail: " + e.getMessage(), e);
            }
        }
        return mails;
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
