package io.casework.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A Content-Type that is not a media type at all ({@code garbage}) is read as {@code application/octet-stream}, a
 * type no operation reads: an operation with a body answers 415 problem+json like for any type it does not read, one
 * without a body ignores it. Without this, RESTEasy Reactive failed with a 500 ("Failed to parse media type") while
 * choosing between two methods of one path that consume different types (the signed survey link's form and JSON
 * answers).
 */
public class UnreadableContentTypeFilter {

    @ServerRequestFilter(preMatching = true)
    void readUnparseableContentTypeAsOctetStream(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        try {
            MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
        }
    }
}
