package io.casework.status.rest;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.status.config.StatusConfig;
import io.casework.status.rest.board.BoardCache;
import io.casework.status.rest.board.Conditional;
import io.casework.status.rest.board.Rendered;
import io.casework.status.rest.dto.ProductResponse;
import io.casework.status.service.ProductService;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/status/products")
@Tag(name = "Products")
public class ProductResource {

    private final ProductService service;
    private final BoardCache cache;
    private final Duration maxAge;

    ProductResource(ProductService service, BoardCache cache, StatusConfig config) {
        this.service = service;
        this.cache = cache;
        this.maxAge = config.board().maxAge();
    }

    @GET
    @PermitAll
    @RunOnVirtualThread
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List products with their current status", description = "Public. A product's status follows "
            + "its worst open incident: CRITICAL is MAJOR_OUTAGE, HIGH PARTIAL_OUTAGE, MEDIUM or LOW DEGRADED, "
            + "maintenance in progress UNDER_MAINTENANCE, none OPERATIONAL.")
    public List<ProductResponse> list() {
        return service.list().stream().map(ProductResponse::from).toList();
    }

    @GET
    @Path("{id}/feed.atom")
    @Produces("application/atom+xml")
    @PermitAll
    @NonBlocking
    @Operation(summary = "Atom feed of one product", description = "As the overall feed, restricted to incidents affecting the product.")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response atom(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(feed(cache.current().productAtom().get(id), id), ifNoneMatch, ifModifiedSince, maxAge);
    }

    @GET
    @Path("{id}/feed.rss")
    @Produces("application/rss+xml")
    @PermitAll
    @NonBlocking
    @Operation(summary = "RSS 2.0 feed of one product", description = "As the overall feed, restricted to incidents affecting the product.")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response rss(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(feed(cache.current().productRss().get(id), id), ifNoneMatch, ifModifiedSince, maxAge);
    }

    private static Rendered feed(Rendered feed, String id) {
        if (feed == null) {
            throw new NotFoundException("Product " + id + " not found: GET /api/v1/status/products lists them");
        }
        return feed;
    }
}
