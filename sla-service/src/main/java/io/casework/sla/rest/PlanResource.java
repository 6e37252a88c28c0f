package io.casework.sla.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.casework.sla.domain.Plan;
import io.casework.sla.rest.dto.PlanResponse;
import io.casework.sla.rest.dto.PutPlanRequest;
import io.casework.sla.service.PlanService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/sla/plans")
@Tag(name = "SLA plans", description = "Entitlements: first-response targets per priority, escalation, 24/7 handling")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PlanResource {

    static final String PLAN_ID = "[a-z][a-z0-9-]{0,63}";

    private final PlanService service;
    private final CallerFactory callers;

    PlanResource(PlanService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listPlans", summary = "List the plans", description = "Every plan with its targets, ordered by id. Answers 304 to a "
            + "matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The plans; ETag changes whenever any plan does",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PlanResponse.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent as If-None-Match")
    @APIResponse(responseCode = "412", description = "An If-Match was sent that does not name the current version")
    public Response list(@Context Request request) {
        List<Plan> plans = service.list();
        EntityTag etag = listTag(plans);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return IfMatch.unlessRefused(notModified, "If-Match does not match the current ETag").build();
        }
        return Response.ok(plans.stream().map(PlanResponse::from).toList()).tag(etag).build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getPlan", summary = "Read a plan", description = "ETag is the plan's revision; send it as If-Match to replace the "
            + "plan. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The plan; ETag is its revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanResponse.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent as If-None-Match")
    @APIResponse(responseCode = "412", description = "An If-Match was sent that does not name the current version")
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response get(@Parameter(example = "premier") @PathParam("id") String id, @Context Request request) {
        Plan plan = service.get(id);
        EntityTag etag = IfMatch.etag(plan.version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return IfMatch.unlessRefused(notModified, "If-Match does not match the current ETag").build();
        }
        return Response.ok(PlanResponse.from(plan)).tag(etag).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "putPlan", summary = "Create or replace a plan", description = "Sets every field and one target per priority. "
            + "Replacing an existing plan requires If-Match with its ETag; If-None-Match: * creates only. Publishes "
            + "io.casework.sla.plan-updated. Running clocks keep the targets they started with.")
    @APIResponse(responseCode = "201", description = "Created; Location names the plan, ETag its revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid plan (problem+json lists every violation)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current revision, or If-None-Match: * "
            + "and the plan exists")
    @APIResponse(responseCode = "428", description = "The plan exists and If-Match is missing")
    public Response replace(
            @Parameter(description = "Lower-case letters, digits and hyphens", example = "enterprise")
            @PathParam("id") @Pattern(regexp = PLAN_ID, message = "must be lower-case letters, digits and hyphens, "
                    + "starting with a letter, at most 64 characters") String id,
            @Parameter(description = "ETag of the revision being replaced", example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "* to create only", example = "*")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Valid @NotNull PutPlanRequest request, @Context UriInfo uri) {
        PlanService.Replaced result = service.replace(id, request.toDefinition(),
                IfMatch.of(ifMatch, ifNoneMatch), callers.current());
        Response.ResponseBuilder response = result.created()
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return response.tag(IfMatch.etag(result.plan().version)).entity(PlanResponse.from(result.plan())).build();
    }

    /** Changes when any plan is added or replaced: every replace bumps that plan's revision. */
    private static EntityTag listTag(List<Plan> plans) {
        String revisions = plans.stream().map(p -> p.id + ":" + p.version).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(revisions.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
