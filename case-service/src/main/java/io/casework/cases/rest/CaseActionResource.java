package io.casework.cases.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.rest.dto.ActionRequests.AssignRequest;
import io.casework.cases.rest.dto.ActionRequests.CloseRequest;
import io.casework.cases.rest.dto.ActionRequests.DeEscalateRequest;
import io.casework.cases.rest.dto.ActionRequests.EscalateRequest;
import io.casework.cases.rest.dto.ActionRequests.PriorityRequest;
import io.casework.cases.rest.dto.ActionRequests.ResolveRequest;
import io.casework.cases.rest.dto.ActionRequests.SurveyRequest;
import io.casework.cases.rest.dto.ActionRequests.TransitionRequest;
import io.casework.cases.rest.dto.CaseResponse;
import io.casework.cases.service.CaseService;
import io.casework.cases.service.CaseWorkflow;
import io.casework.cases.service.Idempotency;
import io.casework.rest.Caller;
import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Actions on a case. POST actions accept an optional If-Match; PUT replacements require it. */
@Path("/api/v1/cases/{id}")
@Tag(name = "Case actions", description = "States, resolution, close, escalation, priority, assignment, survey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CaseActionResource {

    private static final String IF_MATCH_OPTIONAL = "Optional: the ETag of the case as read; refused with 412 if the case "
            + "changed since";
    private static final String IF_MATCH_REQUIRED = "The ETag of the case as read";
    private static final String STATE_CONFLICT = "Not allowed in the case's current state";

    private final CaseWorkflow workflow;
    private final CaseService cases;
    private final CallerFactory callers;
    private final Idempotency idempotency;

    CaseActionResource(CaseWorkflow workflow, CaseService cases, CallerFactory callers, Idempotency idempotency) {
        this.workflow = workflow;
        this.cases = cases;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    @POST
    @Path("transitions")
    @RolesAllowed({ "agent", "admin" })
    @Operation(operationId = "transitionCase", summary = "Move the case (staff)", description = "NEW/ACTION_REQUIRED → IN_PROGRESS, or NEW/IN_PROGRESS → "
            + "ACTION_REQUIRED (waiting on the customer). Other moves have their own action.")
    @APIResponse(responseCode = "409", description = "Not allowed from the current state")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request,
            @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.transition(id, CaseState.valueOf(request.to().name()), request.reason(), callers.current(),
                IfMatch.of(ifMatch)));
    }

    @POST
    @Path("resolve")
    @RolesAllowed({ "agent", "admin" })
    @Operation(operationId = "resolveCase", summary = "Provide a solution (staff)", description = "Moves the case to SOLUTION_PROVIDED with a resolution "
            + "code: RESOLVED, FEATURE_REQUEST, CANNOT_REPRODUCE, THIRD_PARTY, OUT_OF_SCOPE, OUTAGE_RESOLVED.")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    public Response resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveRequest request,
            @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.resolve(id, request.resolutionCode(), request.note(), callers.current(), IfMatch.of(ifMatch)));
    }

    @POST
    @Path("close")
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "closeCase", summary = "Close the case", description = "From any open state. A comment within 30 days reopens it.")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    public Response close(@PathParam("id") UUID id, @Valid CloseRequest request,
            @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.close(id, request == null ? null : request.reason(), callers.current(), IfMatch.of(ifMatch)));
    }

    @POST
    @Path("escalate")
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "escalateCase", summary = "Escalate (\"Faire remonter\")", description = "Where the organization's plan allows it; "
            + "once per open period; recorded in the history with the reason. With an Idempotency-Key, a retried "
            + "escalation answers with the case (Idempotent-Replayed: true) instead of 409 Already escalated.")
    @APIResponse(responseCode = "400", description = IdempotencyApi.BAD_KEY)
    @APIResponse(responseCode = "403", description = "The plan does not include escalation")
    @APIResponse(responseCode = "409", description = "Already escalated, or the case is not active")
    @APIResponse(responseCode = "422", description = IdempotencyApi.REUSED)
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = { @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotencyApi.REPLAYED, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    public Response escalate(@PathParam("id") UUID id, @Valid @NotNull EscalateRequest request,
            @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = IdempotencyApi.KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Caller caller = callers.current();
        return ok(idempotency.once(idempotency.request(caller, idempotencyKey, "POST /api/v1/cases/" + id + "/escalate", request),
                recorder -> workflow.escalate(id, request.reason(), request.justification(), caller, IfMatch.of(ifMatch),
                        recorder),
                earlier -> cases.get(id, caller)));
    }

    @POST
    @Path("de-escalate")
    @RolesAllowed({ "agent", "admin" })
    @Operation(operationId = "deEscalateCase", summary = "End an escalation (staff)")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    public Response deEscalate(@PathParam("id") UUID id, @Valid @NotNull DeEscalateRequest request,
            @Parameter(description = IF_MATCH_OPTIONAL) @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.deEscalate(id, request.reason(), callers.current(), IfMatch.of(ifMatch)));
    }

    @PUT
    @Path("priority")
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "changeCasePriority", summary = "Change the priority (staff, with a reason)", description = "Customers get 403 with the rule and "
            + "the ways out: justify in a comment, or file a higher-priority case that references this one. If-Match required.")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    public Response changePriority(@PathParam("id") UUID id, @Valid @NotNull PriorityRequest request,
            @Parameter(required = true, description = IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.changePriority(id, request.priority(), request.reason(), callers.current(),
                IfMatch.of(ifMatch).required("case")));
    }

    @PUT
    @Path("assignee")
    @RolesAllowed({ "agent", "admin" })
    @Operation(operationId = "assignCase", summary = "Assign the case (staff)", description = "To oneself or a colleague; null unassigns. If-Match required.")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull AssignRequest request,
            @Parameter(required = true, description = IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.assign(id, request.assignee(), callers.current(), IfMatch.of(ifMatch).required("case")));
    }

    @POST
    @Path("survey")
    @RolesAllowed({ "customer", "customer-admin", "partner" })
    @Operation(operationId = "answerCaseSurvey", summary = "Answer the satisfaction survey", description = "Once, after a solution "
            + "was provided or the case closed. With an Idempotency-Key, a retried answer gets the case "
            + "(Idempotent-Replayed: true) instead of 409 Survey answered.")
    @APIResponse(responseCode = "200", description = "The case as it is now; ETag is its new version",
            headers = { @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotencyApi.REPLAYED, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", description = IdempotencyApi.BAD_KEY)
    @APIResponse(responseCode = "409", description = STATE_CONFLICT)
    @APIResponse(responseCode = "422", description = IdempotencyApi.REUSED)
    public Response survey(@PathParam("id") UUID id, @Valid @NotNull SurveyRequest request,
            @Parameter(description = IdempotencyApi.KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Caller caller = callers.current();
        return ok(idempotency.once(idempotency.request(caller, idempotencyKey, "POST /api/v1/cases/" + id + "/survey", request),
                recorder -> workflow.answerSurvey(id, request.rating(), request.comment(), caller, recorder),
                earlier -> cases.get(id, caller)));
    }

    private static Response ok(Case supportCase) {
        return Response.ok(CaseResponse.from(supportCase)).tag(IfMatch.etag(supportCase.version)).build();
    }

    private static Response ok(Idempotency.Outcome<Case> outcome) {
        Case supportCase = outcome.value();
        return Response.ok(CaseResponse.from(supportCase)).tag(IfMatch.etag(supportCase.version))
                .header(IdempotencyApi.REPLAYED, outcome.replayedHeader()).build();
    }
}
