package io.casework.status.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.casework.status.domain.Incident;
import io.casework.status.rest.dto.IncidentResponse;
import io.casework.status.rest.dto.PostmortemRequest;
import io.casework.status.rest.dto.PublishDraftRequest;
import io.casework.status.rest.dto.PublishIncidentRequest;
import io.casework.status.rest.dto.SubscriptionResponse;
import io.casework.status.rest.dto.UpdateIncidentRequest;
import io.casework.status.service.IncidentService;
import io.casework.status.service.SubscriptionService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/status/incidents")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class IncidentResource {

    private final IncidentService service;
    private final SubscriptionService subscriptions;
    private final CallerFactory callers;

    IncidentResource(IncidentService service, SubscriptionService subscriptions, CallerFactory callers) {
        this.service = service;
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listIncidents", summary = "List incidents", description = "Public, newest first. With a token also customers-only "
            + "incidents; status publishers and ops also see drafts. When there are more, the Link header "
            + "(rel=\"next\") gives the next page.")
    @APIResponse(responseCode = "200", description = "One page of incidents; Link rel=\"next\" when there are more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IncidentResponse.class)))
    public Response list(
            @Parameter(description = "Incidents per page") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Parameter(description = "From the Link header of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        IncidentCursor after = IncidentCursor.decode(cursor);
        List<Incident> page = service.list(Audiences.of(callers), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit + 1);
        boolean more = page.size() > limit;
        List<Incident> shown = more ? page.subList(0, limit) : page;
        Response.ResponseBuilder response = Response.ok(shown.stream().map(IncidentResponse::from).toList());
        if (more) {
            response.link(uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", IncidentCursor.after(shown.getLast()).encode())
                    .build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getIncident", summary = "Read an incident", description = "Public (customers-only ones with a token, drafts for publishers). "
            + "The ETag is the version to send as If-Match with an update.")
    @APIResponse(responseCode = "200", description = "The incident with its timeline, newest update first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such incident")
    public Response get(@PathParam("id") UUID id) {
        Incident incident = service.get(id, Audiences.of(callers));
        return Response.ok(IncidentResponse.from(incident)).tag(etag(incident)).build();
    }

    @POST
    @RolesAllowed("status-publisher")
    @Operation(operationId = "createIncident", summary = "Publish an incident or scheduled maintenance", description = "The affected products' status "
            + "follows at once (maintenance once IN_PROGRESS); io.casework.status.incident-published is sent on "
            + "casework.status-events.")
    @APIResponse(responseCode = "201", description = "Published; Location names the incident, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or unknown product ids (problem+json names them)")
    public Response publish(@Valid @NotNull PublishIncidentRequest request, @Context UriInfo uri) {
        var window = request.maintenanceWindow();
        Incident incident = service.publish(new IncidentService.PublishIncident(request.kind(), request.title(),
                request.summary(), request.severity(), request.impact(), request.visibility(), request.affectedProducts(),
                request.regions(), request.state(), request.begin(), window == null ? null : window.start(),
                window == null ? null : window.end(), window == null || window.startsByItself(),
                window == null || window.completesByItself(), request.message()), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .tag(etag(incident))
                .entity(IncidentResponse.from(incident))
                .build();
    }

    @POST
    @Path("{id}/updates")
    @RolesAllowed("status-publisher")
    @Operation(operationId = "addIncidentUpdate", summary = "Add an update to an incident's timeline", description = "Moves the incident to the given state "
            + "and recomputes its products' status; RESOLVED closes it. io.casework.status.incident-updated is sent.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "The incident is resolved")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version: someone updated it meanwhile")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the incident as read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateIncidentRequest request) {
        Incident incident = service.update(id, IfMatch.of(ifMatch).required("incident"),
                new IncidentService.UpdateIncident(request.state(), request.message()), callers.current());
        return Response.ok(IncidentResponse.from(incident)).tag(etag(incident)).build();
    }

    @POST
    @Path("{id}/publication")
    @RolesAllowed("status-publisher")
    @Operation(operationId = "publishIncident", summary = "Publish a draft", description = "Confirms a draft (e.g. raised by spike detection) with its first "
            + "public message, correcting it if needed; from then on it is a published incident (incident-published is sent).")
    @APIResponse(responseCode = "200", description = "Published; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "409", description = "Already published")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response publishDraft(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the draft as read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PublishDraftRequest request) {
        Incident incident = service.publishDraft(id, IfMatch.of(ifMatch).required("incident"), new IncidentService.PublishDraft(request.title(),
                request.summary(), request.severity(), request.impact(), request.visibility(), request.regions(),
                request.state(), request.message()), callers.current());
        return Response.ok(IncidentResponse.from(incident)).tag(etag(incident)).build();
    }

    @PUT
    @Path("{id}/postmortem")
    @RolesAllowed("status-publisher")
    @Operation(operationId = "putIncidentPostmortem", summary = "Attach the incident report of a resolved incident", description = "Sets (or replaces) the "
            + "postmortem link and summary; io.casework.status.postmortem-published announces it to subscribers.")
    @APIResponse(responseCode = "200", description = "Attached; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "409", description = "The incident is not resolved, or a draft")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response attachPostmortem(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the incident as read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PostmortemRequest request) {
        Incident incident = service.attachPostmortem(id, IfMatch.of(ifMatch).required("incident"),
                new IncidentService.AttachPostmortem(blankToNull(request.url()), blankToNull(request.summary())),
                callers.current());
        return Response.ok(IncidentResponse.from(incident)).tag(etag(incident)).build();
    }

    @POST
    @Path("{id}/subscriptions")
    @Consumes(MediaType.WILDCARD) // no body: the subscriber is the caller
    @RolesAllowed({ "customer", "customer-admin" })
    @Operation(operationId = "subscribeToIncident", summary = "\"Me too\": join a known issue", description = "Records the caller's subscription and sends "
            + "io.casework.status.subscription-added: case-service opens a case linked to the issue for them and "
            + "notification-service mails them its updates. Idempotent: pressing again changes nothing and sends nothing.")
    @APIResponse(responseCode = "201", description = "Subscribed; Location is the subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already subscribed: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such (published) incident")
    @APIResponse(responseCode = "409", description = "The incident is resolved")
    public Response subscribe(@PathParam("id") UUID id, @Context UriInfo uri) {
        SubscriptionService.Subscribed subscribed = subscriptions.subscribe(id, callers.current());
        SubscriptionResponse body = SubscriptionResponse.from(subscribed);
        return subscribed.created()
                ? Response.created(uri.getAbsolutePathBuilder().path("me").build()).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("{id}/subscriptions/me")
    @RolesAllowed({ "customer", "customer-admin" })
    @Operation(operationId = "getMyIncidentSubscription", summary = "The caller's subscription to a known issue")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "Not subscribed, or no such incident")
    public SubscriptionResponse mySubscription(@PathParam("id") UUID id) {
        return subscriptions.mine(id, callers.current()).map(SubscriptionResponse::from)
                .orElseThrow(() -> new NotFoundException("You are not subscribed to incident " + id));
    }

    @DELETE
    @Path("{id}/subscriptions/me")
    @RolesAllowed({ "customer", "customer-admin" })
    @Operation(operationId = "unsubscribeFromIncident", summary = "Leave a known issue", description = "Back to individual support: "
            + "io.casework.status.subscription-removed is sent once. Idempotent: 204 whether or not there was one.")
    @APIResponse(responseCode = "204", description = "Not subscribed (any more)")
    public void unsubscribe(@PathParam("id") UUID id) {
        subscriptions.unsubscribe(id, callers.current());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static EntityTag etag(Incident incident) {
        return new EntityTag(Long.toString(incident.version));
    }
}
