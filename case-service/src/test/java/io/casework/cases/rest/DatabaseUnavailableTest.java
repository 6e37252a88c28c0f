package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.rest.DatabaseUnavailableMapper;
import io.agroal.api.AgroalDataSource;
import io.casework.cases.domain.Case;
import io.casework.messaging.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Every pooled connection busy (an overloaded service): a filing is refused with 503 + Retry-After and writes nothing. */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.SmallPool.class)
class DatabaseUnavailableTest {

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.acquisition-timeout", "PT1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void busyPoolIs503WithRetryAfterAndNothingWritten() throws Exception {
        String subject = "Busy pool " + UUID.randomUUID();
        String body = """
                {"product": "Cloud Mail", "subject": "%s", "description": "x", "priority": "P3"}""".formatted(subject);
        // The relay holds a connection while it publishes (at start: migration V9's organization announcements);
        // once the outbox is empty it only polls, briefly.
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("publishedAt is null")) == 0);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            as(ALICE).body(body).post("/api/v1/cases").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("detail", containsString("nothing was changed"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Case.count("subject", subject)));
        as(ALICE).body(body).post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void otherDatabaseFailuresAreNotCalledUnavailable() {
        assertEquals(false, DatabaseUnavailableMapper.unavailable(
                new org.hibernate.exception.GenericJDBCException("x", new java.sql.SQLException("syntax", "42601"))));
        assertEquals(true, DatabaseUnavailableMapper.unavailable(
                new org.hibernate.exception.GenericJDBCException("x", new java.sql.SQLException("Sorry, acquisition timeout!"))));
        assertEquals(true, DatabaseUnavailableMapper.unavailable(
                new org.hibernate.exception.GenericJDBCException("x", new java.sql.SQLException("too many", "53300"))));
    }
}
