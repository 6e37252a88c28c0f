package io.casework.notifications.rest;

import static io.casework.notifications.rest.DeliveryResource.UUID_PATTERN;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.notifications.rest.dto.WebhookCreatedResponse;
import io.casework.notifications.rest.dto.WebhookDeliveryPage;
import io.casework.notifications.rest.dto.WebhookDeliveryResponse;
import io.casework.notifications.rest.dto.WebhookRequest;
import io.casework.notifications.rest.dto.WebhookResponse;
import io.casework.notifications.rest.dto.WebhookSecretRotatedResponse;
import io.casework.notifications.service.WebhookService;
import io.casework.rest.CallerFactory;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Partner webhooks: signed case events of the cases the partner organization may see. */
@Path("/api/v1/notifications/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class WebhookResource {

    private final WebhookService service;
    private final CallerFactory callers;

    WebhookResource(WebhookService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("partner")
    @Operation(operationId = "registerWebhook", summary = "Register a webhook",
            description = "The caller's partner organization (token claim org) gets the chosen case events of the cases "
                    + "it may see: those of its clients that grant it access, filed while it managed them. Each delivery "
                    + "is signed (Webhook-Id, Webhook-Timestamp, Webhook-Signature; see docs/notifications.md) with the "
                    + "secret in this answer, which is never shown again.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it; the answer carries the signing secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookCreatedResponse.class)))
    @APIResponse(responseCode = "400", description = "Not https, a host that resolves to a loopback, private, link-local, "
            + "metadata or other non-public address, unknown event type, too long (problem+json)")
    @APIResponse(responseCode = "403", description = "Not a partner, or the token names no organization (problem+json)")
    public Response register(@Valid @NotNull WebhookRequest request, @Context UriInfo uri) {
        WebhookService.Registered registered = service.register(callers.current(), request.url(), request.eventTypes(),
                request.description());
        return Response.created(uri.getAbsolutePathBuilder().path(registered.webhook().id.toString()).build())
                .entity(WebhookCreatedResponse.from(registered.webhook(), registered.secret()))
                .build();
    }

    @GET
    @RolesAllowed({ "partner", "ops", "admin" })
    @Operation(operationId = "listWebhooks", summary = "List webhooks",
            description = "A partner's own webhooks; every webhook for ops and admins. Secrets are never shown.")
    @APIResponse(responseCode = "200", description = "The webhooks, oldest first")
    public List<WebhookResponse> list() {
        return service.list(callers.current()).stream().map(WebhookResponse::from).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "partner", "ops", "admin" })
    @Operation(operationId = "getWebhook", summary = "Read a webhook", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The webhook")
    @APIResponse(responseCode = "404", description = "No such webhook, or another organization's (problem+json)")
    public WebhookResponse get(@Parameter(description = "The webhook", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id) {
        return WebhookResponse.from(service.find(callers.current(), UUID.fromString(id)));
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed("partner")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's signing secret",
            description = "Issues a new secret and answers it (it is never shown again). The replaced secret keeps signing "
                    + "deliveries beside the new one until previousSecretExpiresAt (casework.notifications.webhooks."
                    + "secret-rotation-overlap, 24 h by default): Webhook-Signature then carries two space-separated v1 "
                    + "signatures, so the partner deploys the new secret without refusing a delivery. Rotating again "
                    + "within the overlap drops the oldest secret at once.")
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSecretRotatedResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID (problem+json)")
    @APIResponse(responseCode = "401", description = "No or an invalid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not a partner (problem+json)")
    @APIResponse(responseCode = "404", description = "No such webhook, or another organization's (problem+json)")
    public WebhookSecretRotatedResponse rotateSecret(
            @Parameter(description = "The webhook", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id) {
        return WebhookSecretRotatedResponse.from(service.rotateSecret(callers.current(), UUID.fromString(id)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("partner")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook", description = "With its delivery log; deliveries still due are not sent.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook, or another organization's (problem+json)")
    public void delete(@Parameter(description = "The webhook", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id) {
        service.delete(callers.current(), UUID.fromString(id));
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed("partner")
    @Operation(operationId = "testWebhook", summary = "Send a test event",
            description = "Queues a synthetic io.casework.notification.webhook-test CloudEvent for this webhook only, "
                    + "signed and retried like every delivery; follow it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued; the delivery as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookDeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such webhook, or another organization's (problem+json)")
    public Response sendTest(@Parameter(description = "The webhook", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id) {
        return Response.accepted(WebhookDeliveryResponse.from(service.sendTest(callers.current(), UUID.fromString(id))))
                .build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({ "partner", "ops", "admin" })
    @Operation(operationId = "listWebhookDeliveries", summary = "Delivery log of a webhook",
            description = "Every event sent or being sent to the webhook: status, attempts, last HTTP status and error, "
                    + "oldest first. For the owning partner, ops and admins.")
    @APIResponse(responseCode = "200", description = "A page of the log; nextCursor leads to the next one")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit (problem+json)")
    @APIResponse(responseCode = "404", description = "No such webhook, or another organization's (problem+json)")
    public WebhookDeliveryPage deliveries(
            @Parameter(description = "The webhook", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") @Pattern(regexp = UUID_PATTERN, message = "must be a cursor from a previous page") String cursor,
            @Parameter(description = "Page size, 1 to 200", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        WebhookService.DeliveryPage page = service.deliveries(callers.current(), UUID.fromString(id),
                cursor == null ? null : UUID.fromString(cursor), limit);
        return new WebhookDeliveryPage(page.items().stream().map(WebhookDeliveryResponse::from).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString());
    }
}
