package io.casework.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;

/**
 * The validator that every service test runs does reject answers that the document does not describe: a test
 * that only ever saw it pass would prove nothing.
 */
class OpenApiResponseValidationTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "servers": [{"url": "/"}],
             "paths": {"/api/v1/things/{id}": {"get": {"operationId": "getThing", "security": [],
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "no", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "state", "closedAt"], "properties": {
                 "id": {"type": "string"},
                 "state": {"type": "string", "enum": ["OPEN", "CLOSED"]},
                 "closedAt": {"type": "string", "format": "date-time", "nullable": true},
                 "owner": {"type": "string"}}},
               "Problem": {"type": "object", "required": ["title", "status"], "additionalProperties": true,
                 "properties": {"title": {"type": "string"}, "status": {"type": "integer"}}}}}}
            """;

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiResponseValidation.validatorFor(DOCUMENT);
    private static final Map<String, String[]> ANSWERS = new ConcurrentHashMap<>();
    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String[] answer = path.equals("/q/openapi") ? new String[] { "200", "application/json", DOCUMENT }
                    : ANSWERS.getOrDefault(path, new String[] { "404", "application/problem+json",
                            "{\"title\":\"Not Found\",\"status\":404}" });
            byte[] body = answer[2].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer[1]);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aConformingAnswerPasses() {
        assertEquals("", errors(200, "application/json", "{\"id\":\"1\",\"state\":\"OPEN\",\"closedAt\":null}"));
        assertEquals("", errors(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"x\":1}"));
    }

    @Test
    void nullWhereTheDocumentDoesNotSayNullableIsRejected() {
        assertTrue(errors(200, "application/json", "{\"id\":\"1\",\"state\":\"OPEN\",\"closedAt\":null,\"owner\":null}")
                .contains("owner"));
    }

    @Test
    void aMissingRequiredMemberIsRejected() {
        assertTrue(errors(200, "application/json", "{\"id\":\"1\",\"state\":\"OPEN\"}").contains("closedAt"));
    }

    @Test
    void aValueOutsideTheEnumIsRejected() {
        assertTrue(errors(200, "application/json", "{\"id\":\"1\",\"state\":\"LOST\",\"closedAt\":null}").contains("LOST"));
    }

    @Test
    void anUndeclaredMemberIsRejected() {
        assertTrue(errors(200, "application/json", "{\"id\":\"1\",\"state\":\"OPEN\",\"closedAt\":null,\"secret\":1}")
                .contains("secret"));
    }

    @Test
    void anUndeclaredStatusIsRejected() {
        assertTrue(errors(409, "application/problem+json", "{\"title\":\"Conflict\",\"status\":409}")
                .contains("validation.response.status.unknown"));
    }

    @Test
    void anErrorThatIsNotProblemJsonIsRejected() {
        assertTrue(errors(404, "text/plain", "Not Found").contains("validation.response.contentType"));
    }

    @Test
    void theGlobalRestAssuredFilterFailsTheTestOnAMismatchingAnswer() {
        ANSWERS.put("/api/v1/things/good", new String[] { "200", "application/json",
                "{\"id\":\"good\",\"state\":\"CLOSED\",\"closedAt\":\"2026-11-21T10:00:00Z\"}" });
        ANSWERS.put("/api/v1/things/bad", new String[] { "200", "application/json",
                "{\"id\":\"bad\",\"state\":\"CLOSED\",\"closedAt\":\"yesterday\"}" });
        List<io.restassured.filter.Filter> before = List.copyOf(RestAssured.filters());
        try {
            OpenApiResponseValidation.install();
            OpenApiResponseValidation.install();
            assertEquals(1, RestAssured.filters().stream().filter(f -> f == OpenApiResponseValidation.INSTANCE).count(),
                    "installed once");
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            RestAssured.given().get(base + "/api/v1/things/good").then().statusCode(200);
            AssertionError error = assertThrows(AssertionError.class,
                    () -> RestAssured.given().get(base + "/api/v1/things/bad"));
            assertTrue(error.getMessage().contains("closedAt"), error.getMessage());
            // Paths outside the document (health, metrics) are not checked.
            ANSWERS.put("/q/health", new String[] { "200", "text/plain", "UP" });
            RestAssured.given().get(base + "/q/health").then().statusCode(200);
        } finally {
            RestAssured.replaceFiltersWith(before);
        }
    }

    private static String errors(int status, String contentType, String body) {
        SimpleResponse response = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build();
        return OpenApiResponseValidation.errors(VALIDATOR, "GET", "/api/v1/things/1", response);
    }
}
