package io.casework.status.rest;

import static io.casework.status.rest.StatusFixtures.BOB;
import static io.casework.status.rest.StatusFixtures.publish;
import static io.casework.status.rest.StatusFixtures.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class StatusBoardResourceTest {

    @Test
    void incidentsJsonIsAnArrayAsGooglesFileIsAndSummaryJsonWrapsItWithTheProducts() throws Exception {
        String id = publish("Array shape " + UUID.randomUUID(), "cloud-mail", "MEDIUM", "");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode incidents = mapper.readTree(given().get("/api/v1/status/incidents.json").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asByteArray());
        JsonNode summary = mapper.readTree(given().get("/api/v1/status/summary.json").then().statusCode(200)
                .extract().asByteArray());
        // A tool written for Google's file iterates over the document itself.
        assertTrue(incidents.isArray(), "incidents.json is a JSON array: " + incidents.getNodeType());
        assertEquals(summary.path("incidents"), incidents, "the same incidents, the same revision");
        JsonNode entry = null;
        for (JsonNode incident : incidents) {
            for (String field : new String[] { "id", "number", "begin", "created", "modified", "external_desc",
                    "updates", "most_recent_update", "status_impact", "severity", "service_key", "service_name",
                    "affected_products", "uri", "currently_affected_locations", "previously_affected_locations" }) {
                assertTrue(incident.has(field), field + " in " + incident);
            }
            if (id.equals(incident.path("id").asText())) {
                entry = incident;
            }
        }
        assertEquals("medium", entry.path("severity").asText());
        assertTrue(summary.path("products").isArray() && summary.has("updated"));
    }

    @Test
    void incidentsJsonHasTheGoogleDashboardShapeAndTheProducts() {
        String title = "Dashboard shape " + UUID.randomUUID();
        String id = publish(title, "cloud-mail", "HIGH", "\"summary\": \"Some mail is delayed.\",");
        update(id, "IDENTIFIED", "A relay is overloaded.");

        JsonPath json = given().get("/api/v1/status/summary.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("products.id", hasItem("cloud-mail"))
                .body("products.find { it.id == 'cloud-mail' }.title", equalTo("Cloud Mail"))
                .body("products.find { it.id == 'cloud-mail' }.status", notNullValue())
                .extract().jsonPath();
        Map<String, Object> incident = json.getMap("incidents.find { it.id == '%s' }".formatted(id));
        assertEquals(title, incident.get("external_desc"));
        assertEquals("Some mail is delayed.", incident.get("summary"));
        assertEquals("high", incident.get("severity"));
        assertEquals("SERVICE_OUTAGE", incident.get("status_impact"));
        assertEquals("cloud-mail", incident.get("service_key"));
        assertEquals("Cloud Mail", incident.get("service_name"));
        assertEquals("incidents/" + id, incident.get("uri"));
        assertTrue(((String) incident.get("number")).matches("I-\\d{4}-\\d{4,}"));
        for (String field : new String[] { "begin", "created", "modified" }) {
            assertTrue(incident.get(field) instanceof String, field);
        }
        assertFalse(incident.containsKey("end"), "open incidents have no end");
        String path = "incidents.find { it.id == '%s' }.".formatted(id);
        assertEquals(List.of("A relay is overloaded.", "Investigating cloud-mail."), json.getList(path + "updates.text"));
        assertEquals("A relay is overloaded.", json.getString(path + "most_recent_update.text"));
        assertEquals("SERVICE_OUTAGE", json.getString(path + "most_recent_update.status"));
        assertEquals("emea", json.getString(path + "currently_affected_locations[0].id"));
        assertEquals("Europe, Middle East and Africa", json.getString(path + "currently_affected_locations[0].title"));
        assertEquals(List.of(Map.of("id", "cloud-mail", "title", "Cloud Mail")), json.getList(path + "affected_products"));

        update(id, "RESOLVED", "Delivery is back to normal.");
        JsonPath resolved = given().get("/api/v1/status/summary.json").then().statusCode(200).extract().jsonPath();
        assertEquals("AVAILABLE", resolved.getString(path + "most_recent_update.status"));
        assertEquals(resolved.getString(path + "modified"), resolved.getString(path + "end"));
        assertEquals("emea", resolved.getString(path + "previously_affected_locations[0].id"));
    }

    @Test
    void unchangedViewsAnswerNotModifiedAndAChangeGivesANewEtag() {
        publish("Before the ETag " + UUID.randomUUID(), "identity");
        for (String path : new String[] { "/api/v1/status/incidents.json", "/api/v1/status/summary.json",
                "/api/v1/status/feed.atom",
                "/api/v1/status/feed.rss", "/api/v1/status/products/identity/feed.atom",
                "/api/v1/status/products/identity/feed.rss", "/status" }) {
            Response first = given().get(path).then().statusCode(200)
                    .header("Cache-Control", containsString("public"))
                    .header("Last-Modified", notNullValue())
                    .extract().response();
            String etag = first.header("ETag");
            assertTrue(etag.startsWith("\""), path);

            given().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag)).body(equalTo(""));
            given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
            given().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").header("If-Modified-Since", first.header("Last-Modified"))
                    .get(path).then().statusCode(200);
        }

        String etag = given().get("/api/v1/status/incidents.json").then().extract().header("ETag");
        publish("After the ETag " + UUID.randomUUID(), "identity");
        Response changed = given().header("If-None-Match", etag).get("/api/v1/status/incidents.json")
                .then().statusCode(200).extract().response();
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void customersOnlyIncidentsStayOutOfPublicViewsButSignedInUsersSeeThem() {
        String title = "Customers only " + UUID.randomUUID();
        String id = publish(title, "cloud-drive", "LOW", "\"visibility\": \"CUSTOMERS\",");

        given().get("/api/v1/status/incidents.json").then().statusCode(200).body("id", not(hasItem(id)));
        given().get("/api/v1/status/feed.atom").then().statusCode(200).body(not(containsString(title)));
        given().get("/status").then().statusCode(200).body(not(containsString(title)));
        given().get("/api/v1/status/incidents/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/status/incidents").then().statusCode(200).body("id", not(hasItem(id)));

        given().auth().oauth2(BOB).get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .body("visibility", equalTo("CUSTOMERS"));
        given().auth().oauth2(BOB).get("/api/v1/status/incidents").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void scheduledMaintenanceHasItsWindowAndPutsProductsUnderMaintenanceOnlyWhileInProgress() {
        String title = "Database upgrade " + UUID.randomUUID();
        String product = StatusFixtures.newProduct("Reporting");
        String id = publish(title, product, "LOW", """
                "kind": "MAINTENANCE", "maintenanceWindow": {"start": "2030-01-05T22:00:00Z", "end": "2030-01-06T02:00:00Z"},""");
        given().get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .body("kind", equalTo("MAINTENANCE"))
                .body("state", equalTo("SCHEDULED"))
                .body("begin", equalTo("2030-01-05T22:00:00Z"))
                .body("maintenanceWindow.end", equalTo("2030-01-06T02:00:00Z"));
        assertEquals("OPERATIONAL", IncidentResourceTest.statusOf(product));

        update(id, "IN_PROGRESS", "The upgrade has started.");
        assertEquals("UNDER_MAINTENANCE", IncidentResourceTest.statusOf(product));
        given().get("/api/v1/status/incidents.json").then()
                .body("find { it.id == '%s' }.maintenance_start".formatted(id), equalTo("2030-01-05T22:00:00Z"));

        update(id, "RESOLVED", "The upgrade is complete.");
        assertEquals("OPERATIONAL", IncidentResourceTest.statusOf(product));
    }

    @Test
    void maintenanceNeedsItsWindowAndItsOwnStates() {
        given().auth().oauth2(StatusFixtures.OLGA).contentType("application/json")
                .body("""
                        {"kind": "MAINTENANCE", "title": "No window", "severity": "LOW", "affectedProducts": ["identity"],
                         "regions": ["EMEA"], "message": "Soon."}
                        """)
                .post("/api/v1/status/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("window"));
        String id = publish("Incident states " + UUID.randomUUID(), "identity");
        given().auth().oauth2(StatusFixtures.OLGA).contentType("application/json").header("If-Match", "*")
                .body("{\"state\": \"IN_PROGRESS\", \"message\": \"Not for incidents.\"}")
                .post("/api/v1/status/incidents/" + id + "/updates").then().statusCode(400)
                .body("detail", startsWith("An incident cannot be IN_PROGRESS"));
    }
}
