package io.casework.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Carries the gateway's X-Request-Id (or a new one) into every log line of the request (MDC
 * {@code request-id}) and back to the client, so one id follows a request through gateway and service logs; it is
 * also an attribute of the request's server span and travels with the events it causes (Kafka header x-request-id).
 */
public class RequestIdFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request-id";
    static final String SPAN_ATTRIBUTE = "casework.request_id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        // Findable in the trace backend by the id a client or the gateway log shows (no-op when tracing is off).
        Span.current().setAttribute(SPAN_ATTRIBUTE, id);
    }

    @ServerResponseFilter
    void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
