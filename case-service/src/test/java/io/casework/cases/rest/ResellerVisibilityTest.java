package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.newOrganization;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reseller rules of seed 002 as a matrix: for every case read endpoint and every identity, who gets the case
 * and who gets 404 (or 401), before and after the client withdraws access and after a transfer to another reseller.
 */
@QuarkusTest
class ResellerVisibilityTest {

    static final List<String> READS = List.of("", "/comments", "/history", "/attachments");

    @Test
    void resellerSeesClientCasesOnlyWhileManagingWithAccessAndOnlyThoseFiledMeanwhile() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String oldReseller = "resellco";
        String newReseller = "rs-" + suffix;
        newOrganization(newReseller, null, "2030-12-31");
        String client = "client-" + suffix;
        String clientAdmin = newOrganization(client, oldReseller, "2030-12-31");
        String rita = Tokens.of("rita@resellco.example", oldReseller, "partner");
        String partnerClient = Tokens.of("service-account-partner-resellco", oldReseller, "partner");
        String pat = Tokens.of("pat@" + newReseller + ".example", newReseller, "partner");
        String otherCustomer = CAROL;

        as(clientAdmin).body("{\"granted\": true}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        String filedByReseller = fileFor(rita, client, "Filed by the reseller");
        String filedByClient = fileFor(clientAdmin, client, "Filed by the client");
        as(rita).body("{\"body\": \"Reseller comment\"}").post("/api/v1/cases/" + filedByClient + "/comments")
                .then().statusCode(201);

        Map<String, Integer> before = new LinkedHashMap<>();
        before.put("client", 200);
        before.put("rita", 200);
        before.put("partnerClient", 200);
        before.put("pat", 404);
        before.put("otherCustomer", 404);
        before.put("agent", 200);
        Map<String, String> tokens = Map.of("client", clientAdmin, "rita", rita, "partnerClient", partnerClient,
                "pat", pat, "otherCustomer", otherCustomer, "agent", SAM);
        for (String caseId : List.of(filedByReseller, filedByClient)) {
            assertMatrix(caseId, tokens, before);
            for (String read : READS) {
                given().get("/api/v1/cases/" + caseId + read).then().statusCode(401);
            }
        }
        as(clientAdmin).get("/api/v1/cases/" + filedByClient + "/comments").then().body("body", hasItem("Reseller comment"));
        assertWrites(filedByClient, tokens, Map.of("client", 201, "rita", 201, "partnerClient", 201, "pat", 404,
                "otherCustomer", 404, "agent", 201));
        given().contentType("application/json").body("{\"body\": \"anonymous\"}")
                .post("/api/v1/cases/" + filedByClient + "/comments").then().statusCode(401);

        // The client withdraws access: hidden from the reseller at once, in reads and in lists.
        as(clientAdmin).body("{\"granted\": false}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        assertMatrix(filedByReseller, tokens, Map.of("client", 200, "rita", 404, "partnerClient", 404, "agent", 200));
        as(rita).get("/api/v1/cases?limit=100").then().body("items.id", not(hasItem(filedByReseller)));
        as(clientAdmin).body("{\"granted\": true}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        as(rita).get("/api/v1/cases?limit=100").then().body("items.id", hasItem(filedByReseller));

        // Transfer to another reseller: the former one sees nothing, the new one none of the earlier cases.
        String etag = as(ROOT).get("/api/v1/organizations/" + client).then().extract().header("ETag");
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"reseller\": \"" + newReseller + "\"}").patch("/api/v1/organizations/" + client).then().statusCode(200);
        as(clientAdmin).body("{\"granted\": true}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        String filedAfterTransfer = fileFor(pat, client, "Filed by the new reseller");
        fileFor(rita, client, null);
        for (String earlier : List.of(filedByReseller, filedByClient)) {
            assertMatrix(earlier, tokens, Map.of("client", 200, "rita", 404, "pat", 404, "agent", 200));
        }
        assertMatrix(filedAfterTransfer, tokens, Map.of("client", 200, "rita", 404, "pat", 200, "otherCustomer", 404));
        assertWrites(filedByReseller, tokens, Map.of("rita", 404, "partnerClient", 404, "pat", 404, "client", 201));
        as(pat).get("/api/v1/cases?limit=100").then().body("items.id", not(hasItem(filedByReseller)))
                .body("items.id", hasItem(filedAfterTransfer));
        as(ALICE).get("/api/v1/cases/" + filedAfterTransfer).then().statusCode(404);
    }

    /** Files a case for {@code organization}; with a null subject, expects the refusal of a reseller that no longer manages it. */
    private static String fileFor(String token, String organization, String subject) {
        var response = as(token).body("""
                {"organization": "%s", "product": "Cloud Mail", "subject": "%s", "description": "x", "priority": "P3"}"""
                .formatted(organization, subject == null ? "refused" : subject)).post("/api/v1/cases").then();
        if (subject == null) {
            response.statusCode(403);
            return null;
        }
        return response.statusCode(201).extract().path("id");
    }

    /** Writes follow reads: a refused identity gets 404 on comment, close and escalate, and nothing is stored. */
    private static void assertWrites(String caseId, Map<String, String> tokens, Map<String, Integer> commentStatus) {
        commentStatus.forEach((who, status) -> {
            int comment = as(tokens.get(who)).body("{\"body\": \"from " + who + "\"}")
                    .post("/api/v1/cases/" + caseId + "/comments").then().extract().statusCode();
            assertEquals(status, comment, who + " POST /api/v1/cases/{id}/comments");
            if (status == 404) {
                assertEquals(404, as(tokens.get(who)).body("{}").post("/api/v1/cases/" + caseId + "/close").then()
                        .extract().statusCode(), who + " POST close");
                assertEquals(404, as(tokens.get(who)).body("{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"x\"}")
                        .post("/api/v1/cases/" + caseId + "/escalate").then().extract().statusCode(), who + " POST escalate");
                as(SAM).get("/api/v1/cases/" + caseId + "/comments").then().body("body", not(hasItem("from " + who)));
            }
        });
    }

    private static void assertMatrix(String caseId, Map<String, String> tokens, Map<String, Integer> expected) {
        expected.forEach((who, status) -> {
            for (String read : READS) {
                int actual = as(tokens.get(who)).get("/api/v1/cases/" + caseId + read).then().extract().statusCode();
                assertEquals(status, actual, who + " GET /api/v1/cases/{id}" + read);
            }
        });
    }
}
