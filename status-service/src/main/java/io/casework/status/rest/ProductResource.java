package io.casework.status.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.rest.CallerFactory;
import io.casework.status.config.StatusConfig;
import io.casework.status.domain.Product;
import io.casework.status.domain.ProductNotFoundException;
import io.casework.status.rest.board.BoardCache;
import io.casework.status.rest.board.Conditional;
import io.casework.status.rest.board.Rendered;
import io.casework.status.rest.dto.ProductResponse;
import io.casework.status.rest.dto.StatusOverrideRequest;
import io.casework.status.service.ProductService;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
    private final CallerFactory callers;
    private final Duration maxAge;

    ProductResource(ProductService service, BoardCache cache, CallerFactory callers, StatusConfig config) {
        this.service = service;
        this.cache = cache;
        this.callers = callers;
        this.maxAge = config.board().maxAge();
    }

    @GET
    @PermitAll
    @RunOnVirtualThread
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProducts", summary = "List products with their current status", description = "Public. A product's computed status "
            + "follows its worst open incident: CRITICAL is MAJOR_OUTAGE, HIGH PARTIAL_OUTAGE, MEDIUM or LOW DEGRADED, "
            + "maintenance in progress UNDER_MAINTENANCE, none OPERATIONAL. Its status is that one, or a status "
            + "publisher's override while it is active (then override gives the reason and until when).")
    public List<ProductResponse> list() {
        Instant now = Instant.now();
        return service.list().stream().map(p -> ProductResponse.from(p, now)).toList();
    }

    @PUT
    @Path("{id}/status-override")
    @RolesAllowed("status-publisher")
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putProductStatusOverride", summary = "Override a product's status", description = "Sets (or replaces) the status shown for the "
            + "product whatever its open incidents give, until it is ended (DELETE) or until passes. Incidents keep "
            + "changing computedStatus meanwhile. No precondition: products carry no version, and the latest "
            + "publisher's decision wins. When the shown status changes, io.casework.status.product-status-changed "
            + "is sent on casework.status-events.")
    @APIResponse(responseCode = "200", description = "Overridden; the product as now shown")
    @APIResponse(responseCode = "400", description = "Unknown status, reason missing or too long, until not in the future")
    @APIResponse(responseCode = "404", description = "No such product")
    public ProductResponse override(@PathParam("id") String id, @Valid @NotNull StatusOverrideRequest request) {
        Product product = service.override(id,
                new ProductService.SetOverride(request.status(), request.reason(), request.until()), callers.current());
        return ProductResponse.from(product, Instant.now());
    }

    @DELETE
    @Path("{id}/status-override")
    @RolesAllowed("status-publisher")
    @RunOnVirtualThread
    @Operation(operationId = "deleteProductStatusOverride", summary = "End a product's status override", description = "The status is the one its open incidents "
            + "give again (product-status-changed is sent if that differs). Idempotent: 204 whether or not there was one.")
    @APIResponse(responseCode = "204", description = "Not overridden (any more)")
    @APIResponse(responseCode = "404", description = "No such product")
    public void endOverride(@PathParam("id") String id) {
        service.endOverride(id);
    }

    @GET
    @Path("{id}/feed.atom")
    @Produces("application/atom+xml")
    @PermitAll
    @NonBlocking
    @Operation(operationId = "getProductAtomFeed", summary = "Atom feed of one product", description = "As the overall feed, restricted to incidents affecting the product.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
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
    @Operation(operationId = "getProductRssFeed", summary = "RSS 2.0 feed of one product", description = "As the overall feed, restricted to incidents affecting the product.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response rss(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(feed(cache.current().productRss().get(id), id), ifNoneMatch, ifModifiedSince, maxAge);
    }

    private static Rendered feed(Rendered feed, String id) {
        if (feed == null) {
            throw new ProductNotFoundException(id);
        }
        return feed;
    }
}
