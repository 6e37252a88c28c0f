package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.file;
import static io.casework.cases.CaseApi.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.service.SurveyLinks;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The survey link of the closing mail works without a login, once, for 30 days, and only as signed. */
@QuarkusTest
class SurveyLinkResourceTest {

    /** Signs as notification-service does, with the %test secret both services share. */
    static final SurveyLinks LINKS = new SurveyLinks("test-link-secret");
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void contactOpensTheLinkWithoutLoginAnswersOnceAndAPrefetchRecordsNothing() {
        String id = closedCase();
        String url = "/api/v1/cases/" + id + "/survey/signed";
        String token = token(id, "Alice@Acme.example", Duration.ofDays(30));

        // A mail scanner's or a link preview's GET, twice: a page, and nothing recorded.
        for (int i = 0; i < 2; i++) {
            given().accept(BROWSER).queryParam("token", token).get(url)
                    .then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("method=\"post\""))
                    .body(containsString("name=\"rating\" value=\"5\""));
        }
        given().accept(ContentType.JSON).queryParam("token", token).get(url)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("caseId", equalTo(id)).body("ratings.size()", equalTo(5));
        get(ALICE, id).body("surveyRating", nullValue());

        // The page's button: a form POST, without any token but the link's.
        given().accept(BROWSER).queryParam("token", token).contentType(ContentType.URLENC)
                .formParam("rating", "5").formParam("comment", "Quick <and> clear")
                .post(url)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Thank you")).body(not(containsString("<and>")));
        get(ALICE, id).body("surveyRating", equalTo(5));
        JsonNode event = EventContract.assertConforms(EventTap.await("casework.case-events",
                r -> id.equals(r.key()) && r.value().contains("io.casework.case.survey-answered"), Duration.ofSeconds(20)).value());
        assertEquals("alice@acme.example", event.path("data").path("answeredBy").asText());
        assertEquals("Quick <and> clear", event.path("data").path("comment").asText());

        // Once: a second answer is a conflict, for API clients and browsers alike; so is opening it again.
        given().queryParam("token", token).contentType(ContentType.JSON).body("{\"rating\": 1}").post(url)
                .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Survey answered"));
        given().accept(BROWSER).queryParam("token", token).contentType(ContentType.URLENC).formParam("rating", "1").post(url)
                .then().statusCode(409).contentType(containsString("text/html")).body(containsString("Survey answered"));
        given().queryParam("token", token).get(url).then().statusCode(409).contentType("application/problem+json");
        get(ALICE, id).body("surveyRating", equalTo(5));
    }

    @Test
    void answerWithAContentTypeThatIsNoMediaTypeIs415NotAServerError() {
        // found by RequestFuzzTest (seed 1638027225467854995): choosing between the form and the JSON answer failed
        // with a 500 "Failed to parse media type"
        String id = closedCase();
        given().queryParam("token", token(id, "alice@acme.example", Duration.ofDays(30))).contentType("garbage")
                .body("{\"rating\": 5}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/cases/" + id + "/survey/signed")
                .then().statusCode(415).contentType("application/problem+json");
        get(ALICE, id).body("surveyRating", nullValue());
    }

    @Test
    void tamperedForeignOrMalformedLinksAre403AndAnExpiredOne410() {
        String id = closedCase();
        String url = "/api/v1/cases/" + id + "/survey/signed";
        String token = token(id, "alice@acme.example", Duration.ofDays(30));
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 1);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + (last == 'A' ? 'B' : 'A');
        String longer = (Long.parseLong(parts[0]) + 86_400) + "." + parts[1] + "." + parts[2];
        String otherCase = token(UUID.randomUUID().toString(), "alice@acme.example", Duration.ofDays(30));
        String otherRecipient = token(id, "bob@acme.example", Duration.ofDays(30));
        for (String bad : new String[] { tampered, longer, otherCase, otherRecipient, "garbage", "1.2.3", "" }) {
            given().queryParam("token", bad).get(url)
                    .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Invalid survey link"));
            given().queryParam("token", bad).contentType(ContentType.JSON).body("{\"rating\": 5}").post(url)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().get(url).then().statusCode(403).contentType("application/problem+json");

        String expired = token(id, "alice@acme.example", Duration.ofSeconds(-5));
        given().queryParam("token", expired).get(url)
                .then().statusCode(410).contentType("application/problem+json").body("title", equalTo("Survey link expired"));
        given().accept(BROWSER).queryParam("token", expired).contentType(ContentType.URLENC).formParam("rating", "4").post(url)
                .then().statusCode(410).contentType(containsString("text/html"));
        get(ALICE, id).body("surveyRating", nullValue());
    }

    @Test
    void answersAreCheckedAndTheSurveyOpensOnlyOnceASolutionWasProvided() {
        String open = file(ALICE, "P3");
        given().queryParam("token", token(open, "alice@acme.example", Duration.ofDays(30))).get("/api/v1/cases/" + open + "/survey/signed")
                .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Survey not open"));

        String id = closedCase();
        String url = "/api/v1/cases/" + id + "/survey/signed";
        String token = token(id, "alice@acme.example", Duration.ofDays(30));
        // The form is held to the JSON answer's constraints: rating a whole number 1..5, comment at most 4000 characters.
        for (String body : new String[] { "rating=6", "rating=0", "rating=abc", "rating=4.5", "rating=+4", "rating=",
                "comment=no+rating", "rating=99999999999", "rating=4&comment=" + "x".repeat(4_001) }) {
            given().queryParam("token", token).contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body).post(url)
                    .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Invalid answer"));
        }
        // A body that is not form encoding (a stray %), or text with NUL: refused, not a 500.
        for (String body : new String[] { "rating=5&comment=100%", "rating=%E", "rating=5&comment=a%00b" }) {
            given().queryParam("token", token).contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                    .post(url).then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Invalid form"));
        }
        given().accept(BROWSER).queryParam("token", token).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("rating=%zz").post(url).then().statusCode(400).contentType(containsString("text/html"));
        get(ALICE, id).body("surveyRating", nullValue());
        // An empty Accept header is not a browser's: JSON, not a 500.
        given().header("Accept", "").queryParam("token", token).get(url)
                .then().statusCode(200).contentType(ContentType.JSON).body("caseId", equalTo(id));
        given().queryParam("token", token).contentType(ContentType.JSON).body("{\"rating\": 4, \"stars\": 4}").post(url)
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("token", token).contentType(ContentType.JSON).body("{\"rating\": 4}").post(url)
                .then().statusCode(200).contentType(ContentType.JSON).body("rating", equalTo(4)).body("comment", nullValue());
    }

    @Test
    void documentedExampleTokenVerifies() {
        UUID caseId = UUID.fromString("0b5c6f0e-3f7e-4c55-9d1f-6a0c2d9b7e11");
        String documented = "1798761600.YWxpY2VAYWNtZS5leGFtcGxl.3th0cjjvjs02AVvI19NaIdSSX1dI6RggVU6ygwspBpI";
        assertEquals("alice@acme.example", LINKS.verify(caseId, documented, Instant.ofEpochSecond(1798761600L)));
        assertEquals(documented, LINKS.token(caseId, "alice@acme.example", 1798761600L));
        CaseRuleException expired = assertThrows(CaseRuleException.class,
                () -> LINKS.verify(caseId, documented, Instant.ofEpochSecond(1798761601L)));
        assertEquals(410, expired.kind().status);
    }

    private static String closedCase() {
        String id = file(ALICE, "P3");
        action(SAM, id, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"Quota raised\"}").statusCode(200);
        action(ALICE, id, "close", "{}").statusCode(200);
        return id;
    }

    private static String token(String caseId, String recipient, Duration validFor) {
        return LINKS.token(UUID.fromString(caseId), recipient, Instant.now().plus(validFor).getEpochSecond());
    }
}
