package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.file;
import static io.casework.cases.CaseApi.newOrganization;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrganizationAccessTest {

    @Test
    void userWithoutGrantIsRefusedAndToldWhoCanGrantAccess() {
        String dave = Tokens.of("dave@acme.example", "acme", "customer");
        as(dave).get("/api/v1/cases").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("alice@acme.example")).body("admins", hasItem("alice@acme.example"));
        as(dave).body("""
                {"product": "Cloud Mail", "subject": "x", "description": "y", "priority": "P3"}""")
                .post("/api/v1/cases").then().statusCode(403);
        String id = file(ALICE, "P3");
        as(dave).get("/api/v1/cases/" + id).then().statusCode(403);
    }

    @Test
    void adminGrantsViewerWhoReadsButCannotFileThenRequesterWhoCan() {
        String erin = Tokens.of("erin@acme.example", "acme", "customer");
        as(ALICE).body("{\"role\": \"VIEWER\"}").put("/api/v1/organizations/acme/access/Erin@acme.example").then()
                .statusCode(200).body("email", equalTo("erin@acme.example")).body("role", equalTo("VIEWER"));
        String id = file(ALICE, "P3");
        as(erin).get("/api/v1/cases/" + id).then().statusCode(200);
        as(erin).body("{\"body\": \"me too\"}").post("/api/v1/cases/" + id + "/comments").then().statusCode(403)
                .body("detail", containsString("VIEWER"));
        as(ALICE).body("{\"role\": \"REQUESTER\"}").put("/api/v1/organizations/acme/access/erin@acme.example").then()
                .statusCode(200);
        as(erin).body("{\"body\": \"me too\"}").post("/api/v1/cases/" + id + "/comments").then().statusCode(201);
        as(ALICE).get("/api/v1/organizations/acme/access").then().statusCode(200)
                .body("email", hasItems("alice@acme.example", "bob@acme.example", "erin@acme.example"));
        as(ALICE).delete("/api/v1/organizations/acme/access/erin@acme.example").then().statusCode(204);
        as(erin).get("/api/v1/cases/" + id).then().statusCode(403);
    }

    @Test
    void accessOnlyForAddressesInTheOrganizationsDomains() {
        as(ALICE).body("{\"role\": \"REQUESTER\"}").put("/api/v1/organizations/acme/access/mallory@evil.example")
                .then().statusCode(400).contentType("application/problem+json").body("domains", hasItem("acme.example"));
        as(ALICE).body("{\"role\": \"OWNER\"}").put("/api/v1/organizations/acme/access/x@acme.example").then().statusCode(400);
    }

    @Test
    void lastAdminCannotBeRevokedAndOnlyAdminsManageAccess() {
        as(BOB).get("/api/v1/organizations/acme/access").then().statusCode(403).body("detail", containsString("alice"));
        as(CAROL).get("/api/v1/organizations/acme/access").then().statusCode(404);
        as(ALICE).delete("/api/v1/organizations/acme/access/alice@acme.example").then().statusCode(409)
                .body("detail", containsString("last admin"));
        as(ALICE).delete("/api/v1/organizations/acme/access/nobody@acme.example").then().statusCode(404);
    }

    @Test
    void organizationsAreManagedByCaseworkAdminsAndReadByTheirAdmins() {
        String id = "initech-" + UUID.randomUUID().toString().substring(0, 8);
        String boss = newOrganization(id, "resellco", "2031-01-31");
        as(boss).get("/api/v1/organizations/" + id).then().statusCode(200).body("planId", equalTo("premier"))
                .body("reseller", equalTo("resellco")).body("resellerAccess", equalTo(false));
        as(boss).get("/api/v1/organizations").then().body("id", equalTo(java.util.List.of(id)));
        as(BOB).get("/api/v1/organizations/acme").then().statusCode(404);
        as(SAM).get("/api/v1/organizations").then().statusCode(200).body("id", hasItems("acme", "globex", id));
        as(boss).contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"planId\": \"standard\"}")
                .patch("/api/v1/organizations/" + id).then().statusCode(403);
        String etag = as(ROOT).get("/api/v1/organizations/" + id).then().extract().header("ETag");
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"planId\": \"gold\"}")
                .patch("/api/v1/organizations/" + id).then().statusCode(400).body("detail", containsString("gold"));
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"planId\": \"standard\"}")
                .patch("/api/v1/organizations/" + id).then().statusCode(200).body("planId", equalTo("standard"));
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"region\": \"apj\"}")
                .patch("/api/v1/organizations/" + id).then().statusCode(412);
        as(ROOT).body("""
                {"id": "%s", "name": "Dup", "domains": ["dup.example"], "planId": "standard", "region": "emea"}"""
                .formatted(id)).post("/api/v1/organizations").then().statusCode(409);
        as(ROOT).body("""
                {"id": "Bad Id", "name": "x", "domains": ["not a domain"], "planId": "standard", "region": "mars"}""")
                .post("/api/v1/organizations").then().statusCode(400).body("violations", hasSize(3));
    }

    @Test
    void mergePatchWithNullResellerRemovesTheResellerAndPublishesTheChange() {
        String id = "unres-" + UUID.randomUUID().toString().substring(0, 8);
        String boss = newOrganization(id, "resellco", "2031-01-31");
        as(boss).body("{\"granted\": true}").put("/api/v1/organizations/" + id + "/reseller-access").then().statusCode(200);
        String etag = as(ROOT).get("/api/v1/organizations/" + id).then().extract().header("ETag");

        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"reseller\": null}")
                .patch("/api/v1/organizations/" + id).then().statusCode(200)
                .body("reseller", nullValue()).body("resellerAccess", equalTo(false)).body("planId", equalTo("premier"));
        as(ROOT).get("/api/v1/organizations/" + id).then().statusCode(200).body("reseller", nullValue());

        JsonNode event = EventContract.assertConforms(EventTap.await("casework.org-events",
                r -> id.equals(r.key()) && r.value().contains("\"io.casework.org.reseller-changed\""),
                Duration.ofSeconds(30)).value());
        assertEquals("resellco", event.path("data").path("previousReseller").asText());
        assertTrue(event.path("data").path("organization").path("reseller").isNull(), event.toString());
        assertEquals(false, event.path("data").path("organization").path("resellerAccess").asBoolean());
    }

    @Test
    void mergePatchWithNullContractEndMakesTheContractOpenEnded() {
        String id = "open-" + UUID.randomUUID().toString().substring(0, 8);
        newOrganization(id, null, "2031-01-31");
        String etag = as(ROOT).get("/api/v1/organizations/" + id).then().extract().header("ETag");

        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"contractEnd\": null}")
                .patch("/api/v1/organizations/" + id).then().statusCode(200).body("contractEnd", nullValue());
    }

    @Test
    void mergePatchCannotRemoveARequiredField() {
        String id = "req-" + UUID.randomUUID().toString().substring(0, 8);
        newOrganization(id, "resellco", "2031-01-31");
        String etag = as(ROOT).get("/api/v1/organizations/" + id).then().extract().header("ETag");

        for (String field : java.util.List.of("name", "domains", "priorityScheme", "planId", "region")) {
            as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag)
                    .body("{\"" + field + "\": null, \"reseller\": null}")
                    .patch("/api/v1/organizations/" + id).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString(field));
        }
        as(ROOT).get("/api/v1/organizations/" + id).then().statusCode(200).header("ETag", equalTo(etag))
                .body("reseller", equalTo("resellco"));
    }
}
