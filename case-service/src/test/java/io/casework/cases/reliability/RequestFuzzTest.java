package io.casework.cases.reliability;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.casework.cases.CaseApi;
import io.casework.cases.search.CaseSearch;
import io.casework.cases.service.ContractService;
import io.casework.testsupport.Tokens;
import io.casework.testsupport.fuzz.HostileInput;
import io.casework.testsupport.fuzz.RequestFuzzer;
import io.casework.testsupport.fuzz.TableCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Generated hostile requests against every operation, uploads included: no 5xx, every refusal problem+json, and a
 * refused write leaves the database as it was (see {@link RequestFuzzer}).
 */
@QuarkusTest
class RequestFuzzTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ContractService contracts;

    // The tests below pin what the fuzzer found (each was a 500 or a refusal that was not problem+json).

    @Test
    void bodyOfTheWrongShapeIsAProblem() {
        String caseId = CaseApi.file(ALICE, "P3");
        CaseApi.as(SAM).body("{\"assignee\": [\"x\"]}").put("/api/v1/cases/" + caseId + "/assignee").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body("field", equalTo("assignee"));
        CaseApi.as(ALICE).body("\"x\"").post("/api/v1/cases/" + caseId + "/comments").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void requestLineAsLongAsTheGatewayAllowsReachesTheService() {
        // the gateway answers 414 problem+json above 8 KiB; below that the service must answer, not Vert.x's bare 414:
        // a 7,000-character q reaches CaseResource, which refuses it by its own rule (q is at most 200 characters)
        String text = "a".repeat(7000);
        CaseApi.as(SAM).get("/api/v1/cases?q=" + text).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("q must be at most " + CaseSearch.MAX_QUERY_LENGTH + " characters"));
    }

    @Test
    void keyGivenTwiceIsRefused() {
        String caseId = CaseApi.file(ALICE, "P3");
        CaseApi.as(SAM).header("If-Match", CaseApi.etag(SAM, caseId))
                .body("{\"assignee\": \"sam@casework.example\", \"assignee\": \"eve@casework.example\"}")
                .put("/api/v1/cases/" + caseId + "/assignee").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void truncatedUploadIsABadRequest() {
        String caseId = CaseApi.file(ALICE, "P3");
        given().auth().oauth2(ALICE).contentType("multipart/form-data; boundary=cut")
                .body("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhal"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cases/" + caseId + "/attachments").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void textWithNulIsRefusedNotAServerError() {
        String caseId = CaseApi.file(ALICE, "P3");
        CaseApi.as(ALICE).body("{\"body\": \"a\\u0000b\", \"visibility\": \"PUBLIC\"}")
                .post("/api/v1/cases/" + caseId + "/comments").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ALICE).multiPart("file", "logs.txt", "log".getBytes(), "text/plain")
                .multiPart("description", "a\u0000b").post("/api/v1/cases/" + caseId + "/attachments").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ALICE).contentType("application/json").body(new byte[] { 0, 0, 0, '{', '}' })
                .post("/api/v1/cases/" + caseId + "/comments").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ROOT).urlEncodingEnabled(false).get("/api/v1/organizations/a%00b/access").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(SAM).urlEncodingEnabled(false).get("/api/v1/cases?q=a%00b").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void failedIfMatchOnADownloadIsAProblem() {
        String caseId = CaseApi.file(ALICE, "P3");
        String attachmentId = given().auth().oauth2(ALICE).multiPart("file", "logs.txt", "log".getBytes(), "text/plain")
                .post("/api/v1/cases/" + caseId + "/attachments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ALICE).header("If-Match", "\"other\"")
                .get("/api/v1/cases/" + caseId + "/attachments/" + attachmentId).then()
                .statusCode(412).contentType(startsWith("application/problem+json"));
    }

    /**
     * Search text is the input a customer controls most freely: hostile strings, text-search operators, LIKE
     * wildcards and escapes, in every sort, by a customer of globex while acme has a case and an internal note the
     * text aims at. Every answer is a 200 holding globex cases only, or a problem; never a 5xx or a leak.
     */
    @Test
    void hostileSearchTextNeverFailsNorLeaks() {
        String mark = "fuzzmark" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "q");
        String acmeCase = CaseApi.file(ALICE, "P3", "Cloud Mail", "Acme only " + mark + " ERR-77" + mark.length());
        CaseApi.comment(SAM, acmeCase, "internal " + mark + " note", "INTERNAL").statusCode(201);
        List<String> texts = new ArrayList<>(List.of(mark, mark + ":*", "!" + mark, mark + " | x", mark + " <-> note",
                "%", "_", "%%", "\\", "\\%", "'", "''", "\"", "\"\"\"", "(", ")", "&", "|", "!", ":*", "<->", "<2>",
                "-", "--", "or", "OR OR", "\"unclosed", "a & (b | !c)", "ERR-77", "%" + mark + "%", mark.toUpperCase(),
                "x".repeat(200), "x".repeat(201), " ", "\t", "\u00e9t\u00e9", "\u0000", "\ud83d\ude00", "C-",
                "C-2026-", "SELECT * FROM support_case", "'; DROP TABLE support_case; --"));
        texts.addAll(HostileInput.CATALOGUE);
        HostileInput.strings().sampleStream().limit(100).forEach(texts::add);
        // The request line stays within the HTTP server's 4 kB (longer ones are a 414 before any application code);
        // 300 characters are still past the 200 a search accepts.
        texts.replaceAll(t -> t.length() > 300 ? t.substring(0, 300) : t);
        String carol = io.casework.cases.CaseApi.CAROL;
        for (String text : texts) {
            for (String sort : List.of("-updatedAt", "createdAt", "relevance")) {
                var response = given().auth().oauth2(carol).queryParam("q", text).queryParam("sort", sort)
                        .queryParam("limit", 100).get("/api/v1/cases").then().extract();
                int status = response.statusCode();
                String body = response.asString();
                String what = "q=" + text.substring(0, Math.min(text.length(), 60)) + " sort=" + sort + ": " + status
                        + " " + body.substring(0, Math.min(body.length(), 300));
                if (status == 200) {
                    List<String> orgs = response.path("items.organization");
                    assertTrue(orgs.stream().allMatch("globex"::equals), what);
                    assertTrue(!body.contains(acmeCase) && !body.contains("internal " + mark), what);
                } else {
                    assertTrue(status == 400 && response.contentType().startsWith("application/problem+json"), what);
                }
            }
        }
        // and staff do find the note, so the texts above did aim at something
        given().auth().oauth2(SAM).queryParam("q", mark).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(acmeCase));
    }

    @Test
    void hostileRequestsAreRefusedCleanly() {
        // an organization of its own: accepted fuzz writes (a new contract end, revoked access...) disturb no other test
        String org = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        String boss = CaseApi.newOrganization(org, null, LocalDate.now().plusYears(1).toString());
        String caseId = CaseApi.as(boss).body("""
                {"organization": "%s", "product": "Cloud Mail", "subject": "Fuzz target",
                 "description": "Hostile requests follow.", "priority": "P3"}""".formatted(org))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String attachmentId = given().auth().oauth2(boss).multiPart("file", "logs.txt", "some log".getBytes(), "text/plain")
                .post("/api/v1/cases/" + caseId + "/attachments").then().statusCode(201).extract().path("id");
        try (TableCounts database = TableCounts.ofTestDatasource()) {
            RequestFuzzer.Report report = RequestFuzzer.against(base)
                    .token("agent", Tokens.of("fuzz-agent@casework.example", "casework", "agent"))
                    .token("customer", boss)
                    .token("customer-admin", boss)
                    .token("admin", Tokens.of("fuzz-admin@casework.example", "casework", "admin"))
                    .token("partner", Tokens.of("fuzz-partner@" + org + "-partner.example", org + "-partner", "partner"))
                    .pathValues(new CaseFuzzValues(org, caseId, attachmentId)::path)
                    .database(database)
                    // a contract end date the fuzz moved into the past lapses on the organization's next request
                    // (refused or not): let it happen before the snapshot rather than inside a refused write
                    .settle(() -> contracts.lapse(org))
                    .requests(3000)
                    .run();
            System.out.println(report.summary());
            report.assertNoFailures();
        }
    }
}
