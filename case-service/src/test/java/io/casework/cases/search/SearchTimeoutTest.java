package io.casework.cases.search;

import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A list or search that runs past the statement timeout is cancelled and answered 503 with Retry-After. */
@QuarkusTest
class SearchTimeoutTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aQueryPastTheStatementTimeoutIs503WithRetryAfter() throws Exception {
        // The list waits for the lock held here: waiting counts against the statement timeout (3 s) like working does.
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE support_case IN ACCESS EXCLUSIVE MODE");
            try {
                as(SAM).queryParam("q", "anything").get("/api/v1/cases").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", "2")
                        .body("detail", containsString("longer than the service allows"));
            } finally {
                blocker.rollback();
            }
        }
        as(SAM).queryParam("q", "anything").get("/api/v1/cases").then().statusCode(200);
    }
}
