package io.casework.status.rest;

import java.time.Duration;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.status.config.StatusConfig;
import io.casework.status.rest.board.BoardCache;
import io.casework.status.rest.board.Conditional;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/status")
@Tag(name = "Status board")
public class StatusPageResource {

    private final BoardCache cache;
    private final Duration maxAge;

    StatusPageResource(BoardCache cache, StatusConfig config) {
        this.cache = cache;
        this.maxAge = config.board().maxAge();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    @NonBlocking
    @Operation(operationId = "getStatusPage", summary = "The human status page", description = "Overall state, each product, open incidents with their "
            + "latest update and the last 90 days. Plain HTML and CSS, readable on a phone.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
    public Response page(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(cache.current().page(), ifNoneMatch, ifModifiedSince, maxAge);
    }
}
