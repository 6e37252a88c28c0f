package io.casework.sla.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.sla.domain.ImpactAssessment;
import io.casework.sla.rest.dto.PrioritySuggestionRequest;
import io.casework.sla.rest.dto.PrioritySuggestionResponse;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla/priority-suggestions")
@Tag(name = "Priorities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PrioritySuggestionResource {

    @POST
    @Authenticated
    @Operation(operationId = "suggestPriorityAlias", deprecated = true, summary = "Suggest a priority from a problem's impact (alias)", description = "The "
            + "original route of POST /api/v1/sla/priorities/suggest, kept for existing clients: same rules and "
            + "response; worksAsExpected is optional here (without it a usable service with no workaround is taken "
            + "to work as expected).")
    @APIResponse(responseCode = "200", description = "The suggested priority with the definition it meets")
    @APIResponse(responseCode = "400", description = "Missing answer or unknown value (problem+json)")
    public PrioritySuggestionResponse suggest(@Valid @NotNull PrioritySuggestionRequest request) {
        return PrioritySuggestionResponse.from(new ImpactAssessment(request.usersAffected(), request.serviceUsable(),
                request.workaroundExists(), request.worksAsExpected()));
    }
}
