package io.casework.status.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.status.rest.dto.ProductResponse;
import io.casework.status.service.ProductService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/status/products")
@Tag(name = "Products")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ProductResource {

    private final ProductService service;

    ProductResource(ProductService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List products with their current status", description = "Public. A product's status follows "
            + "its worst open incident: CRITICAL is MAJOR_OUTAGE, HIGH PARTIAL_OUTAGE, MEDIUM or LOW DEGRADED, none OPERATIONAL.")
    public List<ProductResponse> list() {
        return service.list().stream().map(ProductResponse::from).toList();
    }
}
