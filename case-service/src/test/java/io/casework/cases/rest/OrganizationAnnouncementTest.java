package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.newOrganization;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.cases.domain.Organization;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every organization reaches casework.org-events: the ones from migrations once, and all of them on request. */
@QuarkusTest
class OrganizationAnnouncementTest {

    static final String ORG_EVENTS = "casework.org-events";
    static final String ANNOUNCED = "io.casework.org.announced";

    @Test
    void migrationAnnouncedEveryDemoOrganizationWithAStableIdAndItsResellerSince() throws Exception {
        Map<String, JsonNode> announced = EventTap.awaitAll(ORG_EVENTS,
                r -> r.value().contains("\"" + ANNOUNCED + "\"") && r.value().contains("\"MIGRATION\""), 3, Duration.ofSeconds(30))
                .stream().collect(Collectors.toMap(ConsumerRecord::key, r -> EventContract.assertConforms(r.value())));

        assertEquals(Set.of("acme", "globex", "resellco"), announced.keySet());
        for (var entry : announced.entrySet()) {
            JsonNode event = entry.getValue();
            assertEquals(ANNOUNCED, event.path("type").asText());
            assertEquals(entry.getKey(), event.path("subject").asText());
            assertEquals("/casework/case-service", event.path("source").asText());
            assertEquals(stableId(entry.getKey()), event.path("id").asText(), "the same id however often it is read");
            assertEquals("system", event.path("data").path("announcedBy").asText());
        }
        JsonNode acme = announced.get("acme").path("data");
        assertEquals("resellco", acme.path("organization").path("reseller").asText());
        assertTrue(acme.path("organization").path("resellerAccess").asBoolean());
        assertEquals(List.of("acme.example"), List.of(acme.path("organization").path("domains").get(0).asText()));
        assertEquals("premier", acme.path("organization").path("planId").asText());
        assertEquals("2030-12-31", acme.path("organization").path("contractEnd").asText());
        Instant since = Instant.parse(acme.path("resellerSince").asText());
        Organization stored = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById("acme"));
        assertEquals(stored.resellerSince, since);
        assertTrue(announced.get("globex").path("data").path("resellerSince").isNull());
        assertEquals("SEVERITY", announced.get("globex").path("data").path("organization").path("priorityScheme").asText());
    }

    @Test
    void adminRepublishesEveryOrganizationWithItsCurrentState() {
        String org = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        newOrganization(org, "resellco", "2099-12-31");
        Instant before = Instant.now();

        int count = as(ROOT).post("/api/v1/organizations/announcements")
                .then().statusCode(202).contentType("application/json")
                .body("eventType", equalTo(ANNOUNCED))
                .body("organizations", greaterThanOrEqualTo(4))
                .extract().path("organizations");

        long total = QuarkusTransaction.requiringNew().call(() -> Organization.count());
        assertEquals(total, count);
        ConsumerRecord<String, String> record = EventTap.await(ORG_EVENTS,
                r -> org.equals(r.key()) && r.value().contains("\"" + ANNOUNCED + "\""), Duration.ofSeconds(30));
        JsonNode data = EventContract.assertConforms(record.value()).path("data");
        assertEquals("REPUBLISH", data.path("reason").asText());
        assertEquals("root@casework.example", data.path("announcedBy").asText());
        assertEquals("resellco", data.path("organization").path("reseller").asText());
        assertFalse(data.path("organization").path("resellerAccess").asBoolean());
        Instant since = Instant.parse(data.path("resellerSince").asText());
        Organization stored = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(org));
        assertEquals(stored.createdAt, since, "a reseller named at creation manages it from then");
        assertFalse(Instant.parse(data.path("at").asText()).isBefore(before));
    }

    @Test
    void resellerChangeMovesResellerSinceAndRemovingTheResellerClearsIt() {
        String org = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        newOrganization(org, null, "2099-12-31");
        assertEquals(null, since(org));

        patch(org, "{\"reseller\": \"resellco\"}");
        Instant first = since(org);
        assertNotNull(first);
        patch(org, "{\"reseller\": \"\"}");
        assertEquals(null, since(org));
    }

    @Test
    void onlyCaseworkAdminsAnnounce() {
        for (String token : List.of(ALICE, SAM, RITA)) {
            as(token).post("/api/v1/organizations/announcements")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().post("/api/v1/organizations/announcements").then().statusCode(401).contentType("application/problem+json");
    }

    private static Instant since(String org) {
        return QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(org).resellerSince);
    }

    private static void patch(String org, String body) {
        String etag = as(ROOT).get("/api/v1/organizations/" + org).then().statusCode(200).extract().header("ETag");
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag).body(body)
                .patch("/api/v1/organizations/" + org).then().statusCode(200);
    }

    /** md5('io.casework.org.announced/V9/' || id)::uuid, as the migration computes it. */
    private static String stableId(String organization) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5")
                .digest(("io.casework.org.announced/V9/" + organization).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : md5) {
            hex.append("%02x".formatted(b));
        }
        return UUID.fromString(hex.replace(20, 20, "-").replace(16, 16, "-").replace(12, 12, "-").replace(8, 8, "-")
                .toString()).toString();
    }
}
