package io.casework.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PreferenceResourceTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String PATH = "/api/v1/notifications/preferences/me";

    @Test
    void preferencesAreCreatedThenReplacedWithIfMatchAndEachChangeIsPublished() {
        String email = "bob-" + UUID.randomUUID() + "@acme.example";
        String bob = Tokens.of(email, "acme", "customer");

        String created = given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("""
                        {"language": "fr", "caseUpdates": false}
                        """)
                .put(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH))
                .body("email", equalTo(email))
                .body("language", equalTo("fr"))
                .body("caseUpdates", equalTo(false))
                .extract().header("ETag");
        String read = given().auth().oauth2(bob).get(PATH)
                .then().statusCode(200).body("language", equalTo("fr")).extract().header("ETag");
        assertEquals(created, read);

        String replaced = given().auth().oauth2(bob).contentType(ContentType.JSON).header("If-Match", read)
                .body("""
                        {"language": "nl", "caseUpdates": true}
                        """)
                .put(PATH)
                .then().statusCode(200)
                .body("language", equalTo("nl"))
                .body("caseUpdates", equalTo(true))
                .extract().header("ETag");
        assertTrue(!replaced.equals(read), "a new version has a new ETag");
        given().auth().oauth2(bob).contentType(ContentType.JSON).header("If-Match", replaced)
                .body("""
                        {"language": "nl", "caseUpdates": true}
                        """)
                .put(PATH)
                .then().statusCode(200).header("ETag", equalTo(replaced));

        var changes = EventTap.awaitAll("casework.notification-events", r -> email.equals(r.key()), 2, TIMEOUT);
        JsonNode first = EventContract.assertConforms(changes.get(0).value());
        JsonNode second = EventContract.assertConforms(changes.get(1).value());
        assertEquals("io.casework.notification.preferences-changed", first.path("type").asText());
        assertEquals(email, first.path("subject").asText());
        assertEquals("fr", first.path("data").path("language").asText());
        assertEquals(false, first.path("data").path("caseUpdates").asBoolean());
        assertEquals("nl", second.path("data").path("language").asText());
        assertEquals(true, second.path("data").path("caseUpdates").asBoolean());
        assertTrue(second.path("data").path("version").asLong() > first.path("data").path("version").asLong());
    }

    @Test
    void replacingWithoutIfMatchIsRefusedAndAStaleIfMatchFails() {
        String bob = Tokens.of("bob-" + UUID.randomUUID() + "@acme.example", "acme", "customer");
        String original = given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("{\"language\": \"en\", \"caseUpdates\": true}").put(PATH)
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(bob).contentType(ContentType.JSON).header("If-Match", original)
                .body("{\"language\": \"fr\", \"caseUpdates\": true}").put(PATH).then().statusCode(200);

        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("{\"language\": \"nl\", \"caseUpdates\": true}").put(PATH)
                .then().statusCode(428).contentType("application/problem+json")
                .body("status", equalTo(428))
                .body("detail", containsString("If-Match"));
        given().auth().oauth2(bob).contentType(ContentType.JSON).header("If-Match", original)
                .body("{\"language\": \"nl\", \"caseUpdates\": true}").put(PATH)
                .then().statusCode(412).contentType("application/problem+json")
                .body("status", equalTo(412))
                .body("detail", containsString("read them again"));
        given().auth().oauth2(bob).get(PATH).then().statusCode(200).body("language", equalTo("fr"));
    }

    @Test
    void ifMatchOnPreferencesNeverSavedFails() {
        given().auth().oauth2(Tokens.of("bob-" + UUID.randomUUID() + "@acme.example", "acme", "customer"))
                .contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"language\": \"en\", \"caseUpdates\": true}").put(PATH)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void preferencesNeverSavedReadAsDefaultsWithoutETag() {
        String email = "new-" + UUID.randomUUID() + "@acme.example";
        given().auth().oauth2(Tokens.of(email, "acme", "customer")).get(PATH)
                .then().statusCode(200)
                .header("ETag", nullValue())
                .body("email", equalTo(email))
                .body("language", nullValue())
                .body("caseUpdates", equalTo(true));
    }

    @Test
    void unknownLanguageIsRejectedAndNothingIsSaved() {
        String bob = Tokens.of("bob-" + UUID.randomUUID() + "@acme.example", "acme", "customer");
        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("{\"language\": \"de\", \"caseUpdates\": true}").put(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("language")));
        given().auth().oauth2(bob).get(PATH).then().statusCode(200).body("language", nullValue());
    }

    @Test
    void missingFieldsAreRejectedWithEveryViolation() {
        given().auth().oauth2(Tokens.of("bob-" + UUID.randomUUID() + "@acme.example", "acme", "customer"))
                .contentType(ContentType.JSON).body("{}").put(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("language")))
                .body("violations.field", hasItem(containsString("caseUpdates")));
    }

    @Test
    void unknownFieldIsRejected() {
        given().auth().oauth2(Tokens.of("bob-" + UUID.randomUUID() + "@acme.example", "acme", "customer"))
                .contentType(ContentType.JSON).body("{\"language\": \"en\", \"caseUpdates\": true, \"sms\": true}")
                .put(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void preferencesWithoutTokenAreUnauthorized() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).body("{\"language\": \"en\", \"caseUpdates\": true}").put(PATH)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void preferencesAreAlsoServedWithoutTheMeSuffix() {
        String token = io.casework.testsupport.Tokens.of("nomad-" + java.util.UUID.randomUUID() + "@acme.example", "acme", "customer");
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/notifications/preferences").then()
                .statusCode(200).body("caseUpdates", org.hamcrest.Matchers.equalTo(true));
        io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body("{\"language\": \"nl\", \"caseUpdates\": false}").put("/api/v1/notifications/preferences")
                .then().statusCode(201);
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/notifications/preferences/me").then()
                .statusCode(200).body("language", org.hamcrest.Matchers.equalTo("nl"));
    }
}
