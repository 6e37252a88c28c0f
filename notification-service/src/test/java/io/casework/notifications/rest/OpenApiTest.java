package io.casework.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyRouteIsDocumentedWithASummary() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/notifications/deliveries"))
                .body("paths.'/api/v1/notifications/deliveries'.get.summary", notNullValue())
                .body("paths.'/api/v1/notifications/preferences/me'.get.summary", notNullValue())
                .body("paths.'/api/v1/notifications/preferences/me'.put.summary", notNullValue())
                .body("paths.'/api/v1/notifications/preferences/me'.put.responses", hasKey("428"))
                .body("paths.'/api/v1/notifications/dead-letters'.get.summary", notNullValue())
                .body("paths.'/api/v1/notifications/deliveries/{id}/retry'.post.summary", notNullValue())
                .body("paths.'/api/v1/notifications/deliveries/{id}/retry'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/notifications/unsubscribe'.get.summary", notNullValue())
                .body("paths.'/api/v1/notifications/unsubscribe'.post.summary", notNullValue())
                .body("paths.'/api/v1/notifications/deliveries'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith("DeliveryPage"));
    }
}
