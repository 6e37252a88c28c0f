package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.OLGA;
import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.newOrganization;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/partners/me/clients (issue 19): a partner's managed organizations, plan, access and since when. */
@QuarkusTest
class PartnerClientsTest {

    static final String CLIENTS = "/api/v1/partners/me/clients";

    @Test
    void partnerListsTheOrganizationsItManagesWithPlanAndAccess() {
        for (String partner : List.of(RITA, Tokens.of("service-account-partner-resellco", "resellco", "partner"))) {
            Map<String, Object> acme = all(partner).stream().filter(c -> "acme".equals(c.get("id"))).findFirst().orElseThrow();
            assertEquals("Acme Corporation", acme.get("name"));
            assertEquals("premier", acme.get("planId"));
            assertEquals(true, acme.get("accessGranted"));
            assertTrue(acme.get("managedSince") != null && acme.get("accessSince") != null, acme.toString());
            assertEquals(false, acme.get("contractLapsed"));
        }
        // globex has no reseller; resellco does not manage itself
        List<Object> ids = all(RITA).stream().map(c -> c.get("id")).toList();
        assertTrue(!ids.contains("globex") && !ids.contains("resellco"), ids.toString());
    }

    @Test
    void accessStateAndItsSinceFollowTheClientsGrantAndATransfer() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String reseller = "rs-" + suffix;
        newOrganization(reseller, null, "2030-12-31");
        String partner = Tokens.of("pat@" + reseller + ".example", reseller, "partner");
        String client = "cl-" + suffix;
        Instant beforeCreation = Instant.now().minusSeconds(1);
        String clientAdmin = newOrganization(client, reseller, "2030-12-31");

        as(partner).get(CLIENTS).then().statusCode(200).body("items.id", contains(client))
                .body("items[0].accessGranted", equalTo(false)).body("items[0].planId", equalTo("premier"))
                .body("nextCursor", nullValue());
        Instant managedSince = Instant.parse(as(partner).get(CLIENTS).then().extract().path("items[0].managedSince"));
        assertTrue(managedSince.isAfter(beforeCreation), managedSince.toString());

        as(clientAdmin).body("{\"granted\": true}").put("/api/v1/organizations/" + client + "/reseller-access").then()
                .statusCode(200);
        JsonPath granted = as(partner).get(CLIENTS).then().statusCode(200).extract().jsonPath();
        assertEquals(true, granted.getBoolean("items[0].accessGranted"));
        Instant grantedSince = Instant.parse(granted.getString("items[0].accessSince"));
        assertTrue(grantedSince.isAfter(managedSince), grantedSince + " after " + managedSince);
        assertEquals(managedSince.toString(), Instant.parse(granted.getString("items[0].managedSince")).toString());

        as(clientAdmin).body("{\"granted\": false}").put("/api/v1/organizations/" + client + "/reseller-access").then()
                .statusCode(200);
        JsonPath withdrawn = as(partner).get(CLIENTS).then().extract().jsonPath();
        assertEquals(false, withdrawn.getBoolean("items[0].accessGranted"));
        assertTrue(Instant.parse(withdrawn.getString("items[0].accessSince")).isAfter(grantedSince));

        // transferred to resellco: gone from the former reseller's list, new (without access) on resellco's
        String etag = as(ROOT).get("/api/v1/organizations/" + client).then().extract().header("ETag");
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body("{\"reseller\": \"resellco\"}")
                .patch("/api/v1/organizations/" + client).then().statusCode(200);
        as(partner).get(CLIENTS).then().statusCode(200).body("items", empty());
        Map<String, Object> moved = all(RITA).stream().filter(c -> client.equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals(false, moved.get("accessGranted"));
        assertTrue(Instant.parse((String) moved.get("managedSince")).isAfter(grantedSince));
    }

    @Test
    void clientsComeOnePageAtATimeInIdOrder() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String reseller = "rp-" + suffix;
        newOrganization(reseller, null, "2030-12-31");
        for (String name : List.of("c", "a", "b")) {
            newOrganization(name + "-" + suffix, reseller, "2030-12-31");
        }
        String partner = Tokens.of("pat@" + reseller + ".example", reseller, "partner");
        String cursor = as(partner).queryParam("limit", 2).get(CLIENTS).then().statusCode(200)
                .body("items.id", contains("a-" + suffix, "b-" + suffix)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(partner).queryParam("limit", 2).queryParam("cursor", cursor).get(CLIENTS).then().statusCode(200)
                .body("items.id", contains("c-" + suffix)).body("nextCursor", nullValue());

        for (Map.Entry<String, Object> bad : Map.<String, Object>of("limit", 0, "cursor", "%%not-ours").entrySet()) {
            as(partner).queryParam(bad.getKey(), bad.getValue()).get(CLIENTS).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        as(partner).queryParam("limit", 101).get(CLIENTS).then().statusCode(400);
        // a partner organization without clients
        as(Tokens.of("pat@lonely.example", "lonely-" + suffix, "partner")).get(CLIENTS).then().statusCode(200)
                .body("items", empty()).body("nextCursor", nullValue());
    }

    @Test
    void onlyPartnersMayAsk() {
        for (String refused : List.of(ALICE, BOB, CAROL, SAM, OLGA, ROOT,
                Tokens.of("sam@casework.example", "casework", "agent", "partner"))) {
            as(refused).get(CLIENTS).then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("items", nullValue());
        }
        given().get(CLIENTS).then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2("not-a-token").get(CLIENTS).then().statusCode(401);
    }

    /** Every client of the partner, following the cursor. */
    private static List<Map<String, Object>> all(String token) {
        java.util.ArrayList<Map<String, Object>> items = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(token).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(CLIENTS).then().statusCode(200).extract().jsonPath();
            items.addAll(page.<Map<String, Object>>getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }
}
