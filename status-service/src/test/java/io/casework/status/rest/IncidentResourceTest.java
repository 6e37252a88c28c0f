package io.casework.status.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.status.domain.Incident;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class IncidentResourceTest {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");

    // Each product-status assertion uses its own product, so tests do not see each other's open incidents.
    static final String MAIL_OUTAGE = """
            {"title": "Mail delivery delayed for most users", "severity": "CRITICAL",
             "affectedProducts": ["cloud-mail"], "regions": ["EMEA", "AMERICAS"],
             "message": "We are investigating reports of delayed outgoing mail."}
            """;

    @Test
    void publishedIncidentReachesKafkaAsCloudEventAndTakesItsProductDown() {
        String id = given().auth().oauth2(OLGA).contentType(ContentType.JSON).body(MAIL_OUTAGE)
                .when().post("/api/v1/status/incidents")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/status/incidents/"))
                .header("ETag", equalTo("\"0\""))
                .body("number", matchesPattern("I-\\d{4}-\\d{4}"))
                .body("title", equalTo("Mail delivery delayed for most users"))
                .body("severity", equalTo("CRITICAL"))
                .body("state", equalTo("INVESTIGATING"))
                .body("affectedProducts.id", contains("cloud-mail"))
                .body("affectedProducts.name", contains("Cloud Mail"))
                .body("regions", contains("EMEA", "AMERICAS"))
                .body("resolved", nullValue())
                .body("updates.seq", contains(1))
                .body("updates[0].message", equalTo("We are investigating reports of delayed outgoing mail."))
                .extract().path("id");

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events", r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        assertEquals("io.casework.status.incident-published", event.path("type").asText());
        assertEquals("/casework/status-service", event.path("source").asText());
        assertEquals(id, event.path("subject").asText());
        assertEquals("CRITICAL", event.path("data").path("severity").asText());
        assertEquals("cloud-mail", event.path("data").path("affectedProducts").path(0).asText());
        assertEquals("olga@casework.example", event.path("data").path("author").asText());

        given().get("/api/v1/status/products").then().statusCode(200)
                .body("find { it.id == 'cloud-mail' }.status", equalTo("MAJOR_OUTAGE"))
                .body("find { it.id == 'cloud-mail' }.name", equalTo("Cloud Mail"));
    }

    @Test
    void productStatusFollowsItsWorstOpenIncident() {
        String minor = publish("admin-console", "LOW");
        assertEquals("DEGRADED", statusOf("admin-console"));
        String major = publish("admin-console", "HIGH");
        assertEquals("PARTIAL_OUTAGE", statusOf("admin-console"));

        resolve(major);
        assertEquals("DEGRADED", statusOf("admin-console"));
        resolve(minor);
        assertEquals("OPERATIONAL", statusOf("admin-console"));
    }

    @Test
    void updateWithCurrentVersionExtendsTimelineAndIsPublished() {
        String id = publish("cloud-drive", "MEDIUM");

        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("""
                        {"state": "IDENTIFIED", "message": "A faulty storage node is being replaced."}
                        """)
                .post("/api/v1/status/incidents/" + id + "/updates")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("state", equalTo("IDENTIFIED"))
                .body("updates.seq", contains(2, 1))
                .body("updates.state", contains("IDENTIFIED", "INVESTIGATING"))
                .body("updates[0].message", equalTo("A faulty storage node is being replaced."));

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> id.equals(r.key()) && r.value().contains("io.casework.status.incident-updated"),
                Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        assertEquals(id, event.path("subject").asText());
        assertEquals("IDENTIFIED", event.path("data").path("state").asText());
        assertEquals("INVESTIGATING", event.path("data").path("previousState").asText());
        assertEquals(2, event.path("data").path("seq").asInt());

        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("updates.seq", contains(2, 1));
    }

    @Test
    void updateWithStaleVersionIsRefusedAndChangesNothing() {
        String id = publish("cloud-drive", "LOW");
        update(id, "\"0\"", "IDENTIFIED").then().statusCode(200);

        update(id, "\"0\"", "MONITORING")
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(1));
        update(id, "W/\"1\"", "MONITORING").then().statusCode(412).contentType("application/problem+json");

        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .body("state", equalTo("IDENTIFIED")).body("updates.seq", contains(2, 1));
    }

    @Test
    void updateWithoutIfMatchIsRefused() {
        String id = publish("cloud-drive", "LOW");

        update(id, null, "MONITORING").then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        given().get("/api/v1/status/incidents/" + id).then().body("state", equalTo("INVESTIGATING"));
    }

    @Test
    void resolvedIncidentTakesNoMoreUpdates() {
        String id = publish("cloud-drive", "LOW");
        String resolvedAt = update(id, "\"0\"", "RESOLVED").then().statusCode(200)
                .body("state", equalTo("RESOLVED"))
                .body("resolved", notNullValue())
                .extract().path("resolved");
        assertEquals(resolvedAt, given().get("/api/v1/status/incidents/" + id).path("modified"));

        update(id, "\"1\"", "MONITORING").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("resolved"));
        update(id, "*", "INVESTIGATING").then().statusCode(409);
    }

    @Test
    void updateOfUnknownIncidentIsNotFound() {
        update(UUID.randomUUID().toString(), "\"0\"", "MONITORING").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void statusIsPublicToReadersWithoutToken() {
        String id = publish("identity", "LOW");

        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("created", notNullValue())
                .body("modified", notNullValue())
                .body("$", not(hasKey("author")))
                .body("updates[0]", not(hasKey("author")));
        given().get("/api/v1/status/incidents").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/v1/status/products").then().statusCode(200)
                .body("id", hasItem("identity"))
                .body("find { it.id == 'identity' }.name", equalTo("Cloud Identity"));
    }

    @Test
    void incidentListPagesNewestFirstThroughLinkHeader() {
        String older = publish("identity", "LOW");
        String newer = publish("identity", "LOW");

        ExtractableResponse<Response> first = given().queryParam("limit", 1).get("/api/v1/status/incidents")
                .then().statusCode(200).header("Link", containsString("rel=\"next\"")).extract();
        assertEquals(List.of(newer), first.path("id"));
        String next = first.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
        List<String> second = given().get(next).then().statusCode(200).extract().path("id");
        assertEquals(List.of(older), second);
    }

    @Test
    void malformedCursorIsRejected() {
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/status/incidents").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void publishWithoutTokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(MAIL_OUTAGE).post("/api/v1/status/incidents")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void customerCannotPublishIncidents() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(MAIL_OUTAGE).post("/api/v1/status/incidents")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void agentCannotUpdateIncidents() {
        String id = publish("identity", "LOW");
        given().auth().oauth2(SAM).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("""
                        {"state": "RESOLVED", "message": "Done."}
                        """)
                .post("/api/v1/status/incidents/" + id + "/updates")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownProductsAreNamedAndNothingIsWritten() {
        String title = "Unknown products " + UUID.randomUUID();
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("""
                        {"title": "%s", "severity": "HIGH", "affectedProducts": ["cloud-mail", "cloud-fax", "tape-backup"],
                         "regions": ["APJ"], "message": "Investigating."}
                        """.formatted(title))
                .post("/api/v1/status/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("unknownProducts", contains("cloud-fax", "tape-backup"))
                .body("detail", containsString("cloud-fax, tape-backup"));

        long written = QuarkusTransaction.requiringNew().call(() -> Incident.count("title", title));
        assertEquals(0, written);
    }

    @Test
    void invalidIncidentIsRejectedWithEveryViolation() {
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("""
                        {"title": " ", "severity": "HIGH", "affectedProducts": [], "regions": [], "message": ""}
                        """)
                .post("/api/v1/status/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("title")))
                .body("violations.field", hasItem(containsString("affectedProducts")))
                .body("violations.field", hasItem(containsString("regions")))
                .body("violations.field", hasItem(containsString("message")));
    }

    @Test
    void unknownSeverityRegionOrFieldIsRejected() {
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).body(MAIL_OUTAGE.replace("CRITICAL", "APOCALYPTIC"))
                .post("/api/v1/status/incidents").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).body(MAIL_OUTAGE.replace("EMEA", "MARS"))
                .post("/api/v1/status/incidents").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body(MAIL_OUTAGE.replace("\"title\"", "\"colour\": \"red\", \"title\""))
                .post("/api/v1/status/incidents").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void incidentCannotBePublishedResolved() {
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body(MAIL_OUTAGE.replace("\"message\"", "\"state\": \"RESOLVED\", \"message\""))
                .post("/api/v1/status/incidents").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void timelineUpdateNeedsStateAndMessage() {
        String id = publish("identity", "LOW");
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"message\": \"\"}")
                .post("/api/v1/status/incidents/" + id + "/updates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("state")))
                .body("violations.field", hasItem(containsString("message")));
    }

    static String publish(String product, String severity) {
        return given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("""
                        {"title": "%s trouble", "severity": "%s", "affectedProducts": ["%s"], "regions": ["EMEA"],
                         "message": "Investigating."}
                        """.formatted(product, severity, product))
                .post("/api/v1/status/incidents").then().statusCode(201).extract().path("id");
    }

    static Response update(String id, String ifMatch, String state) {
        var request = given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("{\"state\": \"%s\", \"message\": \"Now %s.\"}".formatted(state, state.toLowerCase()));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/status/incidents/" + id + "/updates");
    }

    static void resolve(String id) {
        String etag = given().get("/api/v1/status/incidents/" + id).then().statusCode(200).extract().header("ETag");
        update(id, etag, "RESOLVED").then().statusCode(200);
    }

    static String statusOf(String product) {
        return given().get("/api/v1/status/products").then().statusCode(200)
                .extract().path("find { it.id == '%s' }.status".formatted(product));
    }
}
