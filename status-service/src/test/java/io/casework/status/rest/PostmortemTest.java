package io.casework.status.rest;

import static io.casework.status.rest.StatusFixtures.OLGA;
import static io.casework.status.rest.StatusFixtures.publish;
import static io.casework.status.rest.StatusFixtures.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PostmortemTest {

    static final String REPORT = """
            {"url": "https://status.casework.example/reports/relay.pdf",
             "summary": "A configuration change overloaded the relays; it was rolled back."}
            """;

    @Test
    void reportOfAResolvedIncidentIsAttachedShownAndAnnounced() {
        String id = publish("Relay overload " + UUID.randomUUID(), "cloud-mail");
        update(id, "RESOLVED", "Mail flows again.");
        String etag = given().get("/api/v1/status/incidents/" + id).then().extract().header("ETag");

        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", etag).body(REPORT)
                .put("/api/v1/status/incidents/" + id + "/postmortem")
                .then().statusCode(200)
                .body("postmortem.url", equalTo("https://status.casework.example/reports/relay.pdf"))
                .body("postmortem.published", notNullValue());

        given().get("/api/v1/status/summary.json").then()
                .body("incidents.find { it.id == '%s' }.postmortem_url".formatted(id),
                        equalTo("https://status.casework.example/reports/relay.pdf"));
        given().get("/status").then().body(containsString("https://status.casework.example/reports/relay.pdf"));

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> id.equals(r.key()) && r.value().contains("postmortem-published"), Duration.ofSeconds(20));
        JsonNode data = EventContract.assertConforms(record.value()).path("data");
        assertEquals("olga@casework.example", data.path("author").asText());
        assertEquals("cloud-mail", data.path("affectedProducts").path(0).asText());
    }

    @Test
    void reportNeedsAResolvedIncidentAndSomeContent() {
        String id = publish("Still open " + UUID.randomUUID(), "identity");
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "*").body(REPORT)
                .put("/api/v1/status/incidents/" + id + "/postmortem")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"url\": \"ftp://nowhere\"}")
                .put("/api/v1/status/incidents/" + id + "/postmortem")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("url")));
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "*").body("{}")
                .put("/api/v1/status/incidents/" + id + "/postmortem")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(StatusFixtures.SAM).contentType(ContentType.JSON).header("If-Match", "*").body(REPORT)
                .put("/api/v1/status/incidents/" + id + "/postmortem")
                .then().statusCode(403);
    }
}
