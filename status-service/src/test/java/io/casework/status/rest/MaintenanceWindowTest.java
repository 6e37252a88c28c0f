package io.casework.status.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Scheduled maintenance starts and completes at its window by itself (the timer runs every second in tests). */
@QuarkusTest
class MaintenanceWindowTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void maintenanceStartsAndCompletesAtItsWindowAsAPublisherWouldMoveIt() {
        String product = StatusFixtures.newProduct("Backups");
        Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plusSeconds(3);
        String id = publish(product, start, end, "");
        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("maintenanceWindow.autoStart", equalTo(true))
                .body("maintenanceWindow.autoComplete", equalTo(true));
        assertEquals("OPERATIONAL", IncidentResourceTest.statusOf(product));

        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(state(id)));
        assertFalse(Instant.now().isBefore(start), "not before its window");
        assertEquals("UNDER_MAINTENANCE", IncidentResourceTest.statusOf(product));

        await().atMost(WAIT).until(() -> "RESOLVED".equals(state(id)));
        assertEquals("OPERATIONAL", IncidentResourceTest.statusOf(product));
        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .body("updates.size()", equalTo(3))
                .body("updates[0].message", equalTo("The scheduled maintenance has been completed."))
                .body("updates[1].message", equalTo("The scheduled maintenance is in progress."))
                .body("begin", equalTo(start.toString()));
        Instant ended = Instant.parse(given().get("/api/v1/status/incidents/" + id).then().extract().path("end"));
        assertFalse(ended.isBefore(end), "completed at or after its window's end: " + ended);
        given().get("/api/v1/status/summary.json").then().statusCode(200)
                .body("incidents.find { it.id == '%s' }.end".formatted(id), equalTo(ended.toString()));

        // The same events as a publisher's updates, each once, by the window.
        List<ConsumerRecord<String, String>> updates = EventTap.awaitAll("casework.status-events",
                r -> id.equals(r.key()) && r.value().contains("incident-updated"), 2, WAIT);
        assertEquals(2, updates.size());
        JsonNode started = EventContract.assertConforms(updates.get(0).value());
        JsonNode completed = EventContract.assertConforms(updates.get(1).value());
        assertEquals("IN_PROGRESS", started.path("data").path("state").asText());
        assertEquals("SCHEDULED", started.path("data").path("previousState").asText());
        assertEquals("RESOLVED", completed.path("data").path("state").asText());
        assertEquals("maintenance-window", completed.path("data").path("author").asText());
    }

    @Test
    void whatThePublisherTurnedOffStaysInTheirHands() {
        String product = StatusFixtures.newProduct("Reports");
        Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        String overrun = publish(product, start, start.plusSeconds(2), "\"autoComplete\": false,");
        String manual = publish(StatusFixtures.newProduct("Exports"), start, start.plusSeconds(2), "\"autoStart\": false,");
        given().get("/api/v1/status/incidents/" + overrun).then().body("maintenanceWindow.autoComplete", equalTo(false));

        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(state(overrun)));
        // Well past both windows' end (the timer runs every second): neither moved on by itself.
        await().pollDelay(Duration.ofSeconds(5)).atMost(WAIT).until(() -> true);
        assertEquals("IN_PROGRESS", state(overrun));
        assertEquals("UNDER_MAINTENANCE", IncidentResourceTest.statusOf(product));
        assertEquals("SCHEDULED", state(manual));

        StatusFixtures.update(overrun, "RESOLVED", "The migration took longer; done now.");
        assertEquals("OPERATIONAL", IncidentResourceTest.statusOf(product));
    }

    @Test
    void maintenanceCalledOffBeforeItsWindowEndsWhereItWouldHaveBegun() {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String id = publish(StatusFixtures.newProduct("Archive"), start, start.plusSeconds(3600), "");
        StatusFixtures.update(id, "RESOLVED", "Postponed to next quarter.");
        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .body("state", equalTo("RESOLVED"))
                .body("begin", equalTo(start.toString()))
                .body("end", equalTo(start.toString()));
        given().get("/api/v1/status/summary.json").then().statusCode(200)
                .body("incidents.find { it.id == '%s' }.begin".formatted(id), equalTo(start.toString()))
                .body("incidents.find { it.id == '%s' }.end".formatted(id), equalTo(start.toString()));
    }

    @Test
    void autoTransitionFlagsAreBooleans() {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        // Wrong types name the member's path; an unknown member (the resteasy-problem mapper) its name.
        Map<String, String> refused = Map.of("\"autoStart\": \"yes\",", "maintenanceWindow.autoStart",
                "\"autoComplete\": [true],", "maintenanceWindow.autoComplete", "\"autoEnd\": true,", "autoEnd");
        refused.forEach((flags, field) -> given().auth().oauth2(StatusFixtures.OLGA).contentType(ContentType.JSON)
                .body(body("identity", start, start.plusSeconds(60), flags))
                .post("/api/v1/status/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field)));
    }

    static String state(String id) {
        return given().get("/api/v1/status/incidents/" + id).then().statusCode(200).extract().path("state");
    }

    static String publish(String product, Instant start, Instant end, String windowFlags) {
        return given().auth().oauth2(StatusFixtures.OLGA).contentType(ContentType.JSON)
                .body(body(product, start, end, windowFlags))
                .post("/api/v1/status/incidents").then().statusCode(201).extract().path("id");
    }

    static String body(String product, Instant start, Instant end, String windowFlags) {
        return """
                {"kind": "MAINTENANCE", "title": "Storage upgrade %s", "severity": "LOW", "affectedProducts": ["%s"],
                 "regions": ["EMEA"], "maintenanceWindow": {%s "start": "%s", "end": "%s"},
                 "message": "Storage is upgraded in this window."}
                """.formatted(UUID.randomUUID(), product, windowFlags, start, end);
    }
}
