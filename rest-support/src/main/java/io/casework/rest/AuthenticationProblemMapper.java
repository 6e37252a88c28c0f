package io.casework.rest;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 401 as problem+json. quarkus-resteasy-problem 3.21's own mapper for these fails on Quarkus 3.34
 * (NoSuchFieldError on ChallengeData.headerName), so this one takes precedence until it is fixed upstream.
 */
public class AuthenticationProblemMapper {

    @ServerExceptionMapper(value = { AuthenticationFailedException.class, UnauthorizedException.class },
            priority = Priorities.AUTHENTICATION)
    Response unauthorized(RuntimeException e) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .type("application/problem+json")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"casework\"")
                .entity(Map.of("type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "A valid bearer token for casework-api is required"))
                .build();
    }
}
