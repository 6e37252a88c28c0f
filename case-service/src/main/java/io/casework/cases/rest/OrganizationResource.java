package io.casework.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.Organization;
import io.casework.cases.messaging.event.OrganizationEvents;
import io.casework.cases.rest.dto.OrganizationAnnouncementResponse;
import io.casework.cases.rest.dto.OrganizationDtos.AccessRequest;
import io.casework.cases.rest.dto.OrganizationDtos.AccessResponse;
import io.casework.cases.rest.dto.OrganizationDtos.CreateOrganizationRequest;
import io.casework.cases.rest.dto.OrganizationDtos.OrganizationResponse;
import io.casework.cases.rest.dto.OrganizationDtos.ResellerAccessRequest;
import io.casework.cases.rest.dto.OrganizationDtos.UpdateOrganizationRequest;
import io.casework.cases.service.Idempotency;
import io.casework.cases.service.OrganizationService;
import io.casework.cases.service.OrganizationService.OrganizationData;
import io.casework.cases.service.OrganizationService.Removals;
import io.casework.rest.Caller;
import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "Organizations, maintenance contracts, resellers and support access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class OrganizationResource {

    private final OrganizationService organizations;
    private final CallerFactory callers;
    private final Idempotency idempotency;

    OrganizationResource(OrganizationService organizations, CallerFactory callers, Idempotency idempotency) {
        this.organizations = organizations;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "createOrganization", summary = "Create an organization (Casework admins)", description = "With an "
            + "Idempotency-Key, a retried request answers with the organization it created (Idempotent-Replayed: "
            + "true) instead of 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotencyApi.REPLAYED, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "400", description = IdempotencyApi.BAD_KEY)
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = IdempotencyApi.REUSED)
    public Response create(@Valid @NotNull CreateOrganizationRequest request,
            @Parameter(description = IdempotencyApi.KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        Idempotency.Outcome<Organization> created = idempotency.once(
                idempotency.request(caller, idempotencyKey, "POST /api/v1/organizations", request),
                recorder -> organizations.create(request.id(), new OrganizationData(request.name(), request.domains(),
                        request.priorityScheme(), request.planId(), request.contractEnd(), request.region(),
                        request.reseller()), caller, recorder),
                earlier -> organizations.get(earlier.resourceId, caller));
        Organization organization = created.value();
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id).build()).tag(etag(organization))
                .header(IdempotencyApi.REPLAYED, created.replayedHeader())
                .entity(OrganizationResponse.from(organization)).build();
    }

    @POST
    @Path("announcements")
    @RolesAllowed("admin")
    @Operation(operationId = "announceOrganizations", summary = "Announce every organization again (Casework admins)",
            description = "Publishes each organization's whole state on casework.org-events as io.casework.org.announced "
                    + "(after this transaction commits, through the outbox), so that a consumer that lost or never had "
                    + "an organization's history (sla-service's plans, notification-service's resellers for partner "
                    + "webhooks) learns it. Consumers apply an announcement only if it is newer than what they have, "
                    + "so repeating it is harmless. Takes no body.")
    @APIResponse(responseCode = "202", description = "Queued for publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganizationAnnouncementResponse.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not a Casework admin (problem+json)")
    @Consumes(MediaType.WILDCARD)
    public Response announce() {
        Instant at = Instant.now();
        int announced = organizations.announceAll(callers.current());
        return Response.accepted(new OrganizationAnnouncementResponse(announced, OrganizationEvents.Announced.TYPE, at))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({ "admin", "agent", "customer", "customer-admin" })
    @Operation(operationId = "listOrganizations", summary = "List organizations", description = "Staff see all; an organization's admins see theirs.")
    public List<OrganizationResponse> list() {
        return organizations.list(callers.current()).stream().map(OrganizationResponse::from).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "admin", "agent", "customer", "customer-admin" })
    @Operation(operationId = "getOrganization", summary = "Read an organization",
            description = "Staff, and the organization's admins.")
    @APIResponse(responseCode = "200", description = "The organization; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationResponse.class)))
    public Response get(@PathParam("id") String id) {
        Organization organization = organizations.get(id, callers.current());
        return Response.ok(OrganizationResponse.from(organization)).tag(etag(organization)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed("admin")
    @Operation(operationId = "updateOrganization", summary = "Change an organization (Casework admins)", description = "Plan, domains, region, reseller "
            + "(a new reseller starts without access and sees none of the earlier cases; null removes it), contract end "
            + "date (a future date, or null for an open-ended contract, renews a lapsed contract: held cases resume where "
            + "they were). JSON merge patch (RFC 7396): absent members stay; null on a required member is a 400. If-Match "
            + "required.")
    @APIResponse(responseCode = "200", description = "The organization; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid, a reseller that does not exist, or null on a required member (problem+json)")
    @APIResponse(responseCode = "409", description = "The change breaks a rule")
    public Response update(@PathParam("id") String id, @Valid @NotNull UpdateOrganizationRequest request,
            @Parameter(required = true, description = "The ETag of the organization as read") @HeaderParam("If-Match") String ifMatch) {
        List<String> required = request.requiredMembersGivenAsNull();
        if (!required.isEmpty()) {
            throw new CaseRuleException(Kind.INVALID, "Required member removed", String.join(", ", required)
                    + (required.size() == 1 ? " is" : " are") + " required: a merge patch may remove only "
                    + String.join(" and ", UpdateOrganizationRequest.REMOVABLE.stream().sorted().toList())
                    + "; leave the member out to keep its value", Map.of("members", required));
        }
        Organization organization = organizations.update(id, new OrganizationData(request.name(), request.domains(),
                request.priorityScheme(), request.planId(), request.contractEnd(), request.region(), request.reseller()),
                new Removals(request.removes("reseller"), request.removes("contractEnd")),
                IfMatch.of(ifMatch).required("organization"), callers.current());
        return Response.ok(OrganizationResponse.from(organization)).tag(etag(organization)).build();
    }

    @PUT
    @Path("{id}/reseller-access")
    @RolesAllowed({ "admin", "customer", "customer-admin" })
    @Operation(operationId = "setResellerAccess", summary = "Grant or withdraw the reseller's access", description = "By the organization's admins; "
            + "withdrawing hides the organization's cases from its reseller at once.")
    public OrganizationResponse resellerAccess(@PathParam("id") String id, @Valid @NotNull ResellerAccessRequest request) {
        return OrganizationResponse.from(organizations.setResellerAccess(id, request.granted(), callers.current()));
    }

    @GET
    @Path("{id}/access")
    @RolesAllowed({ "admin", "customer", "customer-admin" })
    @Operation(operationId = "listSupportAccess", summary = "Who has support access", description = "By the organization's admins.")
    public List<AccessResponse> grants(@PathParam("id") String id) {
        return organizations.grants(id, callers.current()).stream().map(AccessResponse::from).toList();
    }

    @PUT
    @Path("{id}/access/{email}")
    @RolesAllowed({ "admin", "customer", "customer-admin" })
    @Operation(operationId = "grantSupportAccess", summary = "Grant support access", description = "The address must be in one of the organization's "
            + "domains (400 otherwise). Roles: VIEWER, REQUESTER, ADMIN.")
    public AccessResponse grant(@PathParam("id") String id, @PathParam("email") @Email String email,
            @Valid @NotNull AccessRequest request) {
        return AccessResponse.from(organizations.grant(id, email, request.role(), callers.current()));
    }

    @DELETE
    @Path("{id}/access/{email}")
    @RolesAllowed({ "admin", "customer", "customer-admin" })
    @Operation(operationId = "revokeSupportAccess", summary = "Revoke support access",
            description = "The last admin cannot be revoked (409).")
    @APIResponse(responseCode = "409", description = "The last admin of the organization")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id, @PathParam("email") String email) {
        organizations.revoke(id, email, callers.current());
        return Response.noContent().build();
    }

    private static EntityTag etag(Organization organization) {
        return new EntityTag(Long.toString(organization.version));
    }
}
