package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static io.casework.cases.CaseApi.etag;
import static io.casework.cases.CaseApi.file;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CaseSearchAndEditTest {

    @Test
    void cursorPaginationVisitsEveryCaseOnceInOrder() {
        String product = "Pager " + UUID.randomUUID();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            filed.add(file(ALICE, "P4", product, "Page test " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(ALICE).queryParam("product", product).queryParam("limit", 3).queryParam("sort", "createdAt");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/cases").then().statusCode(200).extract().response();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(filed, seen);
    }

    @Test
    void filtersByStateTextPriorityAndOrganizationScope() {
        String product = "Filter " + UUID.randomUUID();
        String p1 = file(ALICE, "P1", product, "Totally down");
        String p3 = file(ALICE, "P3", product, "Button misplaced");
        comment(SAM, p3, "The needle is in the haystack", "PUBLIC").statusCode(201);
        comment(SAM, p1, "internal needle-secret", "INTERNAL").statusCode(201);

        as(ALICE).queryParam("product", product).queryParam("priority", "CRITICAL").get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(p1)));
        as(ALICE).queryParam("product", product).queryParam("q", "haystack").get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(p3)));
        as(ALICE).queryParam("product", product).queryParam("q", "needle-secret").get("/api/v1/cases").then()
                .body("items", hasSize(0));
        as(SAM).queryParam("product", product).queryParam("q", "needle-secret").get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(p1)));
        as(ALICE).queryParam("product", product).queryParam("state", "IN_PROGRESS").get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(p3)));
        as(CAROL).queryParam("product", product).get("/api/v1/cases").then().body("items", hasSize(0));
        as(CAROL).get("/api/v1/cases?limit=100").then().body("items.organization", everyItem(equalTo("globex")));
    }

    @Test
    void badQueryParametersAreProblems() {
        as(ALICE).get("/api/v1/cases?state=DONE").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("DONE"));
        as(ALICE).get("/api/v1/cases?sort=priority").then().statusCode(400);
        as(ALICE).get("/api/v1/cases?limit=1000").then().statusCode(400);
        as(ALICE).get("/api/v1/cases?cursor=garbage").then().statusCode(400);
        as(ALICE).get("/api/v1/cases?updatedSince=yesterday").then().statusCode(400);
        as(ALICE).get("/api/v1/cases?updatedSince=%2B999999999-12-31T23:59:59Z").then().statusCode(400)
                .contentType("application/problem+json");
        as(ALICE).get("/api/v1/cases?updatedSince=9999-12-31T23:59:59Z").then().statusCode(200);
    }

    @Test
    void patchNeedsCurrentVersionAndRecordsChanges() {
        String id = file(ALICE, "P3");
        String etag = etag(ALICE, id);
        String patch = "{\"subject\": \"Delays for EU users only\", \"ccEmails\": [\"ops@acme.example\"],"
                + " \"details\": {\"productVersion\": \"4.2\", \"usersAffectedPercent\": 40}}";
        as(ALICE).contentType("application/merge-patch+json").body(patch).patch("/api/v1/cases/" + id).then().statusCode(428);
        String newEtag = as(ALICE).contentType("application/merge-patch+json").header("If-Match", etag).body(patch)
                .patch("/api/v1/cases/" + id).then().statusCode(200)
                .body("subject", equalTo("Delays for EU users only")).body("ccEmails", equalTo(List.of("ops@acme.example")))
                .body("details.productVersion", equalTo("4.2")).body("details.usersAffectedPercent", equalTo(40))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        as(ALICE).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"subject\": \"stale\"}")
                .patch("/api/v1/cases/" + id).then().statusCode(412).contentType("application/problem+json");
        as(ALICE).get("/api/v1/cases/" + id + "/history").then()
                .body("find { it.field == 'subject' }.newValue", equalTo("Delays for EU users only"));
    }

    @Test
    void filingWithEveryDetailKeepsThem() {
        as(ALICE).body("""
                {"product": "Cloud Mail", "subject": "Bounce storm", "description": "Many bounces", "priority": "MODERATE",
                 "ccEmails": ["ops@acme.example", "ops@acme.example", "cto@acme.example"], "language": "nl",
                 "details": {"problemStartedAt": "2026-11-20T08:00:00Z", "problemEndedAt": "2026-11-20T09:00:00Z",
                   "timeZone": "Europe/Amsterdam", "productVersion": "7.1", "logs": "550 5.1.1 user unknown",
                   "reproducible": true, "reproductionSteps": "Send to a list", "relevantCode": "smtp.send()",
                   "applicationFlow": "CRM -> relay", "usersAffectedPercent": 15, "userImpact": "Newsletters bounce"}}
                """).post("/api/v1/cases").then().statusCode(201)
                .body("priority", equalTo("P3")).body("language", equalTo("nl"))
                .body("ccEmails", equalTo(List.of("ops@acme.example", "cto@acme.example")))
                .body("details.timeZone", equalTo("Europe/Amsterdam")).body("details.reproducible", equalTo(true))
                .body("details.problemEndedAt", equalTo("2026-11-20T09:00:00Z"))
                .body("firstResponseDueAt", nullValue()).body("number", notNullValue());
    }

    @Test
    void everyViolationIsListedAndNothingIsWritten() {
        String subject = "Invalid " + UUID.randomUUID();
        as(ALICE).body("""
                {"product": "Cloud Mail", "subject": "%s", "description": "x", "priority": "P2",
                 "ccEmails": ["nope"], "details": {"problemStartedAt": "2026-11-20T09:00:00Z",
                 "problemEndedAt": "2026-11-20T08:00:00Z", "usersAffectedPercent": 140, "timeZone": "Mars/Olympus"}}
                """.formatted(subject)).post("/api/v1/cases").then().statusCode(400)
                .body("violations.field", hasItem(containsString("ccEmails")))
                .body("violations.field", hasItem(containsString("usersAffectedPercent")))
                .body("violations.message", hasItem(containsString("problemEndedAt must not be before")))
                .body("violations.message", hasItem(containsString("IANA")));
        as(SAM).queryParam("q", subject).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void instantsPastTheYear9999AreRefused() {
        String subject = "Far future " + UUID.randomUUID();
        as(ALICE).body("""
                {"product": "Cloud Mail", "subject": "%s", "description": "x", "priority": "P2",
                 "details": {"problemStartedAt": "2026-11-20T09:00:00Z", "problemEndedAt": "+999999999-12-31T23:59:59Z"}}
                """.formatted(subject)).post("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("years 1 to 9999"));
        as(SAM).queryParam("q", subject).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void relatedCasesMustBeVisible() {
        String globexCase = as(CAROL).body("""
                {"product": "Cloud Drive", "subject": "Sync", "description": "Slow", "priority": "P3"}
                """).post("/api/v1/cases").then().statusCode(201).extract().path("id");
        as(ALICE).body("""
                {"product": "Cloud Mail", "subject": "Follow-up", "description": "x", "priority": "P3",
                 "relatedCaseIds": ["%s"]}""".formatted(globexCase)).post("/api/v1/cases").then().statusCode(400)
                .body("detail", containsString(globexCase));
    }

    @Test
    void onlyStaffFileByPhoneOrEmail() {
        String body = """
                {"organization": "acme", "product": "Cloud Mail", "subject": "Phoned in", "description": "Called at 9",
                 "priority": "P1", "channel": "PHONE", "contactEmail": "bob@acme.example"}""";
        as(ALICE).body(body).post("/api/v1/cases").then().statusCode(403);
        as(SAM).body(body).post("/api/v1/cases").then().statusCode(201).body("channel", equalTo("PHONE"))
                .body("contactEmail", equalTo("bob@acme.example")).body("organization", equalTo("acme"))
                .body("creator", equalTo("sam@casework.example"));
        as(SAM).body(body.replace("\"organization\": \"acme\", ", "")).post("/api/v1/cases").then().statusCode(400);
    }

    @Test
    void customerListNeverShowsAnotherOrganization() {
        file(ALICE, "P4");
        as(ALICE).get("/api/v1/cases?limit=100").then().statusCode(200)
                .body("items.organization", not(hasItem("globex")));
    }
}
