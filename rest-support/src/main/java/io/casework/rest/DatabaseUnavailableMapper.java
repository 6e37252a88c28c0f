package io.casework.rest;

import java.sql.SQLException;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/**
 * When the database cannot be had in time — every pooled connection still busy when the acquisition timeout ends
 * (more requests than the service can serve), PostgreSQL refusing connections (53300, 57P03) or a broken
 * connection (class 08) — the answer is 503 with Retry-After: nothing was written, and the same request (with its
 * Idempotency-Key) may be sent again. Before, an overloaded service answered 500. Any other JDBC failure stays a 500.
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    Response jdbcFailure(JDBCException e) {
        if (unavailable(e)) {
            LOG.warnf("database unavailable, answered 503: %s", e.getMessage());
            return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE).withTitle("Service Unavailable")
                    .withDetail("The service is busy or cannot reach its database; nothing was changed. "
                            + "Send the same request again after Retry-After seconds.")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS).build().toResponse();
        }
        LOG.error("database failure", e);
        return HttpProblem.builder().withStatus(Response.Status.INTERNAL_SERVER_ERROR).withTitle("Internal Server Error")
                .build().toResponse();
    }

    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("53300") || state.equals("57P03"))) {
                    return true;
                }
                // Agroal's pool: "Sorry, acquisition timeout!" (no SQL state)
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
