package io.casework.status.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.status.rest.dto.CaseRateResponse;
import io.casework.status.service.CaseRateService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/status/case-rates")
@Tag(name = "Case rates")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CaseRateResource {

    private final CaseRateService service;

    CaseRateResource(CaseRateService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ "ops", "status-publisher", "agent" })
    @Operation(operationId = "getCaseRates", summary = "Cases opened per product and hour over the last 24 hours",
            description = "Support spots incidents when a product's hourly case rate rises above its norm. "
                    + "Without product: every product that had cases in the last 24 hours.")
    public List<CaseRateResponse> lastDay(
            @Parameter(description = "Product id or name (any case), or the product as filed", example = "Cloud Mail")
            @QueryParam("product") @Pattern(regexp = ".*\\S.*") @Size(max = 128) String product) {
        return service.lastDay(product, Instant.now()).stream().map(CaseRateResponse::from).toList();
    }
}
