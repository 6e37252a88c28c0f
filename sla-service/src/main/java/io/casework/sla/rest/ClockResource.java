package io.casework.sla.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.sla.rest.dto.ClockResponse;
import io.casework.sla.service.ClockService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla/clocks")
@Tag(name = "SLA clocks", description = "The SLA clocks running for cases")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ClockResource {

    private final ClockService service;

    ClockResource(ClockService service) {
        this.service = service;
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({ "agent", "admin", "ops" })
    @Operation(summary = "List a case's SLA clocks", description = "Support staff and ops only. Empty while sla-service "
            + "has not (yet) seen the case: clocks start when io.casework.case.opened arrives.")
    @APIResponse(responseCode = "200", description = "The case's clocks, oldest first")
    public List<ClockResponse> list(@PathParam("caseId") UUID caseId) {
        return service.clocksOf(caseId).stream().map(ClockResponse::from).toList();
    }
}
