package io.casework.sla.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.sla.domain.ImpactAssessment;
import io.casework.sla.rest.dto.ImpactRequest;
import io.casework.sla.rest.dto.PrioritiesResponse;
import io.casework.sla.rest.dto.PrioritySuggestionResponse;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla/priorities")
@Tag(name = "Priorities", description = "The priority scale and how to choose a level")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Authenticated
public class PriorityResource {

    private static final PrioritiesResponse PRIORITIES = PrioritiesResponse.current();

    @GET
    @Operation(operationId = "listPriorities", summary = "List the priority levels", description = "Levels 1–4 with their names in both schemes (P1..P4, "
            + "CRITICAL..MINOR), the seeds' definitions and examples in English, French and Dutch with their sources, "
            + "and the suggestion rules.")
    public PrioritiesResponse list() {
        return PRIORITIES;
    }

    @POST
    @Path("suggest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "suggestPriority", summary = "Suggest a priority from a problem's impact", description = "The rules are tried in order: "
            + "unusable for several users, no workaround: P1; unusable for one user, no workaround: P2; usable but "
            + "not working as expected, no workaround: P2; a workaround exists: P3; works, not as wished: P4. The "
            + "response names the rule that chose the level. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The suggested priority with the rule that chose it")
    @APIResponse(responseCode = "400", description = "Missing answer or unknown value (problem+json)")
    public PrioritySuggestionResponse suggest(@Valid @NotNull ImpactRequest request) {
        return PrioritySuggestionResponse.from(new ImpactAssessment(request.usersAffected(), request.serviceUsable(),
                request.workaroundExists(), request.worksAsExpected()));
    }
}
