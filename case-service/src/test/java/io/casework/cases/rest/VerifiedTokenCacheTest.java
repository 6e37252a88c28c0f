package io.casework.cases.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/** A remembered token is accepted only while the token itself is valid, and only as exactly that token. */
@QuarkusTest
class VerifiedTokenCacheTest {

    static final String NEW_CASE = """
            {"product": "Cloud Mail", "subject": "Token cache", "description": "x", "priority": "P4"}
            """;

    @Inject
    MeterRegistry registry;

    @Test
    void repeatedTokenIsVerifiedOnceThenRemembered() {
        String bob = Tokens.of("bob@acme.example", "acme", "customer");
        double full = count("full");
        double remembered = count("remembered");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(bob).get("/api/v1/cases").then().statusCode(200);
        }

        assertEquals(1, count("full") - full);
        assertEquals(2, count("remembered") - remembered);
    }

    private double count(String verification) {
        return registry.get("casework.auth.tokens").tag("verification", verification).counter().count();
    }

    @Test
    void rememberedTokenIsRefusedOnceItExpires() {
        String shortLived = Jwt.preferredUserName("bob@acme.example").issuer("https://server.example.com")
                .audience(Tokens.AUDIENCE).groups(Set.of("customer")).claim("email", "bob@acme.example")
                .claim("org", "acme").expiresIn(5).sign();

        given().auth().oauth2(shortLived).get("/api/v1/cases").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/cases").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(shortLived).get("/api/v1/cases").then().statusCode(401)
                        .contentType("application/problem+json"));
    }

    @Test
    void tamperedCopyOfARememberedTokenIsRefused() {
        String alice = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");
        given().auth().oauth2(alice).get("/api/v1/cases").then().statusCode(200);

        String[] parts = alice.split("\\.");
        String otherSignature = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        given().auth().oauth2(parts[0] + "." + parts[1] + "." + otherSignature).get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(alice).get("/api/v1/cases").then().statusCode(200);
    }

    @Test
    void eachRememberedTokenKeepsItsOwnIdentity() {
        String alice = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");
        String carol = Tokens.of("carol@globex.example", "globex", "customer");
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON).body(NEW_CASE).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("creator", equalTo("alice@acme.example"));
            given().auth().oauth2(carol).get("/api/v1/cases/" + id).then().statusCode(404);
        }
    }
}
