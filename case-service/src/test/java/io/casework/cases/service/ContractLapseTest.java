package io.casework.cases.service;

import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.get;
import static io.casework.cases.CaseApi.newOrganization;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ContractLapseTest {

    @Inject
    ContractService contracts;

    @Test
    void lapsedContractHoldsActiveCasesRefusesWritesAndRenewalResumesThem() {
        String org = "lapse-" + UUID.randomUUID().toString().substring(0, 8);
        String boss = newOrganization(org, null, LocalDate.now().plusYears(1).toString());
        String working = file(boss, org, "Working on it");
        action(SAM, working, "transitions", "{\"to\": \"ACTION_REQUIRED\"}").statusCode(200);
        String fresh = file(boss, org, "Just filed");
        String closed = file(boss, org, "Already closed");
        action(boss, closed, "close", "{}").statusCode(200);

        setContractEnd(org, LocalDate.now().minusDays(1));
        as(boss).body("{\"body\": \"still there?\"}").post("/api/v1/cases/" + fresh + "/comments").then().statusCode(403)
                .body("title", equalTo("Maintenance contract expired")).body("detail", containsString("renew"));
        as(boss).body("""
                {"product": "Cloud Mail", "subject": "new", "description": "x", "priority": "P3"}""")
                .post("/api/v1/cases").then().statusCode(403);

        get(boss, working).body("state", equalTo("ON_HOLD"));
        get(boss, fresh).body("state", equalTo("ON_HOLD"));
        get(boss, closed).body("state", equalTo("CLOSED"));
        assertEquals(0, contracts.lapse(org), "a second lapse changes nothing");

        setContractEnd(org, LocalDate.now().plusYears(2));
        get(boss, working).body("state", equalTo("ACTION_REQUIRED"));
        get(boss, fresh).body("state", equalTo("NEW"));
        as(boss).body("{\"body\": \"thanks\"}").post("/api/v1/cases/" + fresh + "/comments").then().statusCode(201);

        List<ConsumerRecord<String, String>> orgEvents = EventTap.awaitAll("casework.org-events", r -> org.equals(r.key()),
                4, Duration.ofSeconds(20));
        List<String> types = orgEvents.stream().map(r -> EventContract.assertConforms(r.value()).path("type").asText()).toList();
        assertEquals(List.of("io.casework.org.created", "io.casework.org.access-granted", "io.casework.org.contract-lapsed",
                "io.casework.org.contract-renewed"), types);
        List<ConsumerRecord<String, String>> held = EventTap.awaitAll("casework.case-events",
                r -> working.equals(r.key()) && r.value().contains("ON_HOLD"), 2, Duration.ofSeconds(20));
        assertEquals(2, held.size(), "one state change into ON_HOLD and one out of it");
    }

    @Test
    void scheduledCheckLapsesEndedContracts() {
        String org = "ended-" + UUID.randomUUID().toString().substring(0, 8);
        String boss = newOrganization(org, null, LocalDate.now().plusYears(1).toString());
        String open = file(boss, org, "Open when the contract ends");
        setContractEnd(org, LocalDate.now().minusDays(1));

        contracts.lapseEnded();
        contracts.lapseEnded();

        get(boss, open).body("state", equalTo("ON_HOLD"));
        EventTap.await("casework.org-events",
                r -> org.equals(r.key()) && r.value().contains("io.casework.org.contract-lapsed"), Duration.ofSeconds(20));
        assertEquals(0, contracts.lapse(org), "already lapsed by the scheduled check");
    }

    private static void setContractEnd(String org, LocalDate end) {
        String etag = as(ROOT).get("/api/v1/organizations/" + org).then().statusCode(200).extract().header("ETag");
        as(ROOT).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"contractEnd\": \"" + end + "\"}").patch("/api/v1/organizations/" + org).then().statusCode(200);
    }

    private static String file(String token, String org, String subject) {
        return as(token).body("""
                {"product": "Cloud Mail", "subject": "%s", "description": "x", "priority": "P3"}""".formatted(subject))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }
}
