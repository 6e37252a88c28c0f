package io.casework.cases.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.domain.Organization;
import io.casework.cases.service.OrganizationService;
import io.casework.rest.CallerFactory;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What a partner (reseller) sees of its own business: the client organizations it manages. */
@Path("/api/v1/partners/me")
@Tag(name = "Partners", description = "A partner's (reseller's) view of the organizations it manages")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PartnerResource {

    private static final int MAX_LIMIT = 100;

    private final OrganizationService organizations;
    private final CallerFactory callers;

    PartnerResource(OrganizationService organizations, CallerFactory callers) {
        this.organizations = organizations;
        this.callers = callers;
    }

    @Schema(name = "PartnerClient", description = "An organization the calling partner manages",
            requiredProperties = { "id", "name", "planId", "accessGranted", "accessSince", "managedSince",
                    "contractLapsed" })
    public record ClientResponse(
            @Schema(examples = "acme") String id,
            @Schema(examples = "Acme Corporation") String name,
            @Schema(description = "The client's support plan", examples = "premier") String planId,
            @Schema(description = "Whether the client grants you access to its cases now (it may withdraw it at any "
                    + "time; you then see none of them, and file none)") boolean accessGranted,
            @Schema(description = "Since when access is granted, or withdrawn", nullable = true) Instant accessSince,
            @Schema(description = "Since when you manage the client: you see only cases filed since then")
            Instant managedSince,
            @Schema(description = "The client's maintenance contract ended: no case can be filed or commented "
                    + "until it is renewed") boolean contractLapsed) {

        static ClientResponse from(Organization o) {
            return new ClientResponse(o.id, o.name, o.planId, o.resellerAccess, o.resellerAccessSince, o.resellerSince,
                    o.contractLapsed);
        }
    }

    @Schema(name = "PartnerClientPage", description = "One page of a partner's clients, in id order",
            requiredProperties = { "items", "nextCursor" })
    public record ClientPage(List<ClientResponse> items,
            @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true) String nextCursor) {
    }

    @GET
    @Path("clients")
    @RolesAllowed("partner")
    @Operation(operationId = "listPartnerClients", summary = "The organizations you manage (partners)",
            description = "For the partner role (a reseller's people and its integrations): every client organization "
                    + "your organization manages now, in id order, with its plan, whether it grants you access to its "
                    + "cases and since when, and since when you manage it. Organizations you managed before a "
                    + "transfer are not listed. One page at a time: pass nextCursor back as cursor.")
    @APIResponse(responseCode = "200", description = "One page of clients, possibly empty",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientPage.class)))
    @APIResponse(responseCode = "400", description = "limit out of range, or a cursor this API did not return")
    @APIResponse(responseCode = "401", description = "No or an invalid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not a partner (problem+json)")
    public ClientPage clients(
            @Parameter(description = "Page size",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        List<Organization> found = organizations.clients(callers.current(), decode(cursor), pageSize + 1);
        boolean more = found.size() > pageSize;
        List<Organization> page = more ? found.subList(0, pageSize) : found;
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.getLast().id.getBytes(StandardCharsets.UTF_8)) : null;
        return new ClientPage(page.stream().map(ClientResponse::from).toList(), next);
    }

    private static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (id.isEmpty() || id.length() > 64) {
                throw new IllegalArgumentException("not an organization id");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is not one this API returned");
        }
    }

    private static CaseRuleException invalid(String detail) {
        return new CaseRuleException(Kind.INVALID, "Invalid query", detail);
    }
}
