package io.casework.testsupport.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * A service's OpenAPI document keeps the contract rules ({@link OpenApiContract}), and every answer in the module's
 * tests is checked against it. Each service runs it as {@code @QuarkusTest class OpenApiDocumentTest extends
 * OpenApiDocumentContract}.
 */
public abstract class OpenApiDocumentContract {

    @Test
    void documentKeepsTheContractRules() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        assertEquals("3.0.3", document.path("openapi").asText());
        List<String> breaches = OpenApiContract.breaches(document);
        assertTrue(breaches.isEmpty(), String.join("\n", breaches));
    }

    @Test
    void everyAnswerOfTheseTestsIsValidatedAgainstTheDocument() {
        assertTrue(RestAssured.filters().contains(OpenApiResponseValidation.INSTANCE));
    }
}
