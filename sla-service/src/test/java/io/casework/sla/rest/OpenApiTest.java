package io.casework.sla.rest;

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
                .body("paths", hasKey("/api/v1/sla/plans"))
                .body("paths.'/api/v1/sla/plans/{id}'.put.summary", notNullValue())
                .body("paths.'/api/v1/sla/plans/{id}'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/cases/{caseId}'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/calendars/{id}/deadline'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/calendars/{id}/business-time'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/priority-suggestions'.post.summary", notNullValue())
                .body("paths.'/api/v1/sla/priorities'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/priorities/suggest'.post.summary", notNullValue())
                .body("paths.'/api/v1/sla/coverage'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/reports/compliance'.get.summary", notNullValue())
                .body("paths.'/api/v1/sla/plans/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith("PlanResponse"));
    }
}
