package io.casework.rest;

import java.sql.SQLException;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

/**
 * When the database cannot be had in time — every pooled connection still busy when the acquisition timeout ends
 * (more requests than the service can serve), PostgreSQL refusing connections (53300, 57P03) or a broken
 * connection (class 08) — the answer is 503 with Retry-After: nothing was written, and the same request (with its
 * Idempotency-Key) may be sent again. Before, an overloaded service answered 500. A statement cancelled by the
 * statement timeout (57014: a list or search that would hold a core for longer than the service allows) is a 503 with
 * Retry-After too. Any other JDBC failure stays a 500. Through JPA (a query's getResultList) the same failures arrive
 * as a {@link PersistenceException} wrapping them, and are answered alike.
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    Response jdbcFailure(JDBCException e) {
        return answer(e);
    }

    @ServerExceptionMapper
    Response persistenceFailure(PersistenceException e) {
        return answer(e);
    }

    private static Response answer(RuntimeException e) {
        if (timedOut(e)) {
            LOG.warnf("statement timeout, answered 503: %s", e.getMessage());
            return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE).withTitle("Service Unavailable")
                    .withDetail("The query took longer than the service allows and was cancelled; nothing was changed. "
                            + "Narrow it (filters, a more specific search text) or send it again after Retry-After seconds.")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS).build().toResponse();
        }
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

    /** Cancelled by statement_timeout (SQLState 57014, query_canceled). */
    public static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
