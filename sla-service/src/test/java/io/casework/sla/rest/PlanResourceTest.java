package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.outbox.OutboxEvent;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlanResourceTest {

    static final String ADMIN = Tokens.of("ada@casework.example", "casework", "admin");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");
    static final String CAROL = Tokens.of("carol@globex.example", "globex", "customer");

    static final String GOLD = """
            {"name": "Gold", "escalationAllowed": true, "aroundTheClockCritical": false, "calendar": "emea",
             "chatSupport": true, "phoneSupport": false,
             "targets": [
               {"priority": "P1", "firstResponse": "PT30M", "periodicUpdate": "PT1H", "clock": "ALWAYS"},
               {"priority": "P2", "firstResponse": "PT2H", "periodicUpdate": "PT4H", "clock": "ALWAYS"},
               {"priority": "P3", "firstResponse": "PT8H", "periodicUpdate": "P1D", "clock": "BUSINESS_HOURS"},
               {"priority": "P4", "firstResponse": "P2D", "periodicUpdate": "P3D", "clock": "BUSINESS_HOURS"}]}
            """;

    static String newPlanId() {
        return "gold-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anyAuthenticatedUserReadsTheSeededPlans() {
        given().auth().oauth2(CAROL).get("/api/v1/sla/plans").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("id", hasItems("premier", "standard"))
                .body("find { it.id == 'standard' }.escalationAllowed", equalTo(false))
                .body("find { it.id == 'standard' }.aroundTheClockCritical", equalTo(false))
                .body("find { it.id == 'standard' }.targets.priority", equalTo(List.of("P1", "P2", "P3", "P4")))
                .body("find { it.id == 'standard' }.targets.firstResponse",
                        equalTo(List.of("PT4H", "PT8H", "P1D", "P1D")))
                .body("find { it.id == 'standard' }.targets.periodicUpdate",
                        equalTo(List.of("PT4H", "P1D", "P2D", "P5D")))
                .body("find { it.id == 'standard' }.calendar", equalTo("americas"))
                .body("find { it.id == 'standard' }.targets.clock", hasItem("BUSINESS_HOURS"));

        given().auth().oauth2(CAROL).get("/api/v1/sla/plans/premier").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("Premier"))
                .body("escalationAllowed", equalTo(true))
                .body("aroundTheClockCritical", equalTo(true))
                .body("targets.firstResponse", equalTo(List.of("PT1H", "PT2H", "PT8H", "P1D")))
                .body("targets.aroundTheClock", equalTo(List.of(true, true, false, false)))
                .body("phoneSupport", equalTo(true))
                .body("targets.severity", equalTo(List.of("CRITICAL", "SEVERE", "MODERATE", "MINOR")));
    }

    @Test
    void unchangedPlanIsNotSentAgain() {
        String etag = given().auth().oauth2(CAROL).get("/api/v1/sla/plans/standard").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(CAROL).header("If-None-Match", etag).get("/api/v1/sla/plans/standard")
                .then().statusCode(304);

        String listTag = given().auth().oauth2(CAROL).get("/api/v1/sla/plans").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(CAROL).header("If-None-Match", listTag).get("/api/v1/sla/plans").then().statusCode(304);
    }

    @Test
    void listETagChangesWhenAPlanIsAdded() {
        String before = given().auth().oauth2(CAROL).get("/api/v1/sla/plans").then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(GOLD).put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(201);

        given().auth().oauth2(CAROL).header("If-None-Match", before).get("/api/v1/sla/plans").then().statusCode(200)
                .header("ETag", not(equalTo(before)));
    }

    @Test
    void unknownPlanIsNotFound() {
        given().auth().oauth2(CAROL).get("/api/v1/sla/plans/platinum").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void adminCreatesPlanThatIsPublishedAsCloudEventOnKafka() {
        String id = newPlanId();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(GOLD)
                .when().put("/api/v1/sla/plans/" + id)
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/sla/plans/" + id))
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("calendar", equalTo("emea"))
                .body("targets.firstResponse", equalTo(List.of("PT30M", "PT2H", "PT8H", "P2D")))
                .body("targets.periodicUpdate", equalTo(List.of("PT1H", "PT4H", "P1D", "P3D")));

        ConsumerRecord<String, String> record = EventTap.await("casework.sla-events", r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        assertEquals("io.casework.sla.plan-updated", event.path("type").asText());
        assertEquals("/casework/sla-service", event.path("source").asText());
        assertEquals(id, event.path("subject").asText());
        JsonNode data = event.path("data");
        assertEquals(id, data.path("planId").asText());
        assertEquals(1, data.path("version").asLong());
        assertEquals(true, data.path("escalationAllowed").asBoolean());
        assertEquals("P1", data.path("targets").path(0).path("priority").asText());
        assertEquals("PT30M", data.path("targets").path(0).path("firstResponse").asText());
        assertEquals("P3D", data.path("targets").path(3).path("periodicUpdate").asText());
        assertEquals("BUSINESS_HOURS", data.path("targets").path(3).path("clock").asText());
        assertEquals("emea", data.path("calendar").asText());
        assertEquals("ada@casework.example", data.path("updatedBy").asText());
    }

    @Test
    void replacingAPlanRequiresTheETagOfItsCurrentRevision() {
        String id = newPlanId();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(GOLD).put("/api/v1/sla/plans/" + id)
                .then().statusCode(201).header("ETag", equalTo("\"1\""));
        String faster = GOLD.replace("PT30M", "PT15M");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(faster).put("/api/v1/sla/plans/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(faster)
                .put("/api/v1/sla/plans/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(faster)
                .put("/api/v1/sla/plans/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("targets[0].firstResponse", equalTo("PT15M"));

        // The revision the first writer saw is gone: a second writer holding it cannot overwrite the change.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(GOLD)
                .put("/api/v1/sla/plans/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(SAM).get("/api/v1/sla/plans/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("targets[0].firstResponse", equalTo("PT15M"));

        long events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId = ?1 and type = ?2",
                id, "io.casework.sla.plan-updated"));
        assertEquals(2, events);
    }

    @Test
    void createOnlyPutDoesNotOverwriteAnExistingPlan() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-None-Match", "*").body(GOLD)
                .put("/api/v1/sla/plans/standard")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(GOLD)
                .put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void targetsAcceptTheSeverityNames() {
        String severityNamed = GOLD.replace("\"P1\"", "\"CRITICAL\"").replace("\"P2\"", "\"severe\"")
                .replace("\"P3\"", "\"Moderate\"").replace("\"P4\"", "\"MINOR\"");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(severityNamed)
                .put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(201)
                .body("targets.priority", equalTo(List.of("P1", "P2", "P3", "P4")));
    }

    @Test
    void invalidPlanIsRejectedWithEveryViolationAndNothingIsWritten() {
        String id = newPlanId();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name": " ", "escalationAllowed": true, "calendar": "mars", "chatSupport": true,
                         "phoneSupport": true,
                         "targets": [
                           {"priority": "P1", "firstResponse": "PT0S", "periodicUpdate": "PT1H", "clock": "ALWAYS"},
                           {"priority": "P2", "firstResponse": "P400D", "periodicUpdate": "PT1H", "clock": "ALWAYS"},
                           {"priority": "P2", "firstResponse": "PT8H", "clock": "ALWAYS"}]}
                        """)
                .put("/api/v1/sla/plans/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("name")))
                .body("violations.field", hasItem(containsString("aroundTheClockCritical")))
                .body("violations.field", hasItem(endsWith("targets")))
                .body("violations.field", hasItem(containsString("targets[0].firstResponse")))
                .body("violations.field", hasItem(containsString("targets[1].firstResponse")))
                .body("violations.field", hasItem(containsString("targets[2].periodicUpdate")))
                .body("violations.field", hasItem(containsString("calendar")));

        given().auth().oauth2(ADMIN).get("/api/v1/sla/plans/" + id).then().statusCode(404);
        long events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", id));
        assertEquals(0, events);
    }

    @Test
    void aPriorityNamedTwiceIsRejectedEvenWithFourTargets() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(GOLD.replace("\"P4\"", "\"CRITICAL\""))
                .put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(endsWith("targets")))
                .body("violations.message", hasItem(containsString("exactly one target for each priority")));
    }

    @Test
    void unknownClockIsRejected() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(GOLD.replaceFirst("\"ALWAYS\"", "\"SOMETIMES\""))
                .put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void weeksAndNegativeDurationsAreRejected() {
        for (String bad : List.of("\"P1W\"", "\"-PT2H\"")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(GOLD.replace("\"PT30M\"", bad))
                    .put("/api/v1/sla/plans/" + newPlanId())
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void durationThatIsNotIso8601IsRejected() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(GOLD.replace("\"PT30M\"", "\"30 minutes\""))
                .put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFieldIsRejected() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(GOLD.replace("\"name\"", "\"colour\": \"gold\", \"name\""))
                .put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void planIdMustBeASlug() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(GOLD)
                .put("/api/v1/sla/plans/Gold_Plan")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/api/v1/sla/plans").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).body(GOLD).put("/api/v1/sla/plans/" + newPlanId()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        given().auth().oauth2(Tokens.forOtherAudience("ada@casework.example", "casework", "admin"))
                .get("/api/v1/sla/plans").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsChangePlans() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(GOLD).put("/api/v1/sla/plans/" + newPlanId())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(SAM).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(GOLD)
                .put("/api/v1/sla/plans/standard")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(SAM).get("/api/v1/sla/plans/standard").then().statusCode(200)
                .body("targets[0].firstResponse", equalTo("PT4H"));
    }
}
