package io.casework.cases.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.Case;
import io.casework.cases.rest.dto.CaseResponse;
import io.casework.cases.rest.dto.OpenCaseRequest;
import io.casework.cases.service.CaseService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("/api/v1/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CaseResource {

    private final CaseService service;
    private final CallerFactory callers;

    CaseResource(CaseService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent" })
    @Operation(summary = "File a case", description = "Customers file for their organization; partners and agents on behalf of one.")
    @APIResponse(responseCode = "201", description = "Filed; Location names the case")
    @APIResponse(responseCode = "400", description = "Invalid request (problem+json lists every violation)")
    public Response open(@Valid @NotNull OpenCaseRequest request, @Context UriInfo uri) {
        Case supportCase = service.open(new CaseService.OpenCase(request.organization(), request.product(),
                request.subject(), request.description(), request.priority(), request.contactEmail(),
                request.language(), request.channel()), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(supportCase.id.toString()).build())
                .tag(etag(supportCase))
                .entity(CaseResponse.from(supportCase))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(summary = "Read a case", description = "404 when it does not exist or the caller may not see it.")
    public Response get(@PathParam("id") UUID id) {
        Case supportCase = service.get(id, callers.current());
        return Response.ok(CaseResponse.from(supportCase)).tag(etag(supportCase)).build();
    }

    private static EntityTag etag(Case supportCase) {
        return new EntityTag(Long.toString(supportCase.version));
    }
}
