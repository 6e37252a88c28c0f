package io.casework.rest;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a path or query with an encoded NUL ({@code %00}) before it reaches a lookup: PostgreSQL cannot take NUL
 * in text, and such a parameter failed the query with a 500.
 */
public class NulInUrlFilter {

    @ServerRequestFilter(preMatching = true)
    Response refuseNul(ContainerRequestContext request) {
        boolean nul = request.getUriInfo().getPath().indexOf('\0') >= 0;
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            nul |= parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0);
        }
        if (!nul) {
            return null;
        }
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail("The path and query must not contain the NUL character (%00)").build().toResponse();
    }
}
