package io.casework.notifications.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.notifications.rest.dto.DeliveryPage;
import io.casework.notifications.rest.dto.DeliveryResponse;
import io.casework.notifications.service.DeadLetterService;
import io.casework.notifications.service.DeliveryLog;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/notifications/deliveries")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DeliveryResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final DeliveryLog log;
    private final DeadLetterService deadLetters;

    DeliveryResource(DeliveryLog log, DeadLetterService deadLetters) {
        this.log = log;
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed({ "agent", "ops", "admin" })
    @Operation(operationId = "listDeliveries", summary = "Delivery log of a case",
            description = "Every mail sent or attempted about the case: recipient, kind, language, subject, status and "
                    + "attempts, oldest first. Mail bodies are never kept, so they are not shown.")
    @APIResponse(responseCode = "200", description = "A page of the log; nextCursor leads to the next one")
    @APIResponse(responseCode = "400", description = "caseId missing or malformed, bad cursor or limit (problem+json)")
    public DeliveryPage list(
            @Parameter(description = "The case", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @QueryParam("caseId") @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String caseId,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") @Pattern(regexp = UUID_PATTERN, message = "must be a cursor from a previous page") String cursor,
            @Parameter(description = "Page size, 1 to 200", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        DeliveryLog.Page page = log.caseLog(UUID.fromString(caseId), cursor == null ? null : UUID.fromString(cursor), limit);
        return new DeliveryPage(page.items().stream().map(DeliveryResponse::from).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString());
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({ "ops", "admin" })
    @Operation(operationId = "retryDelivery", summary = "Retry a dead delivery",
            description = "Sends the mail that was rendered for it now, with the same Message-ID. Only for deliveries in "
                    + "status DEAD; a mail already sent is never sent again by a retry.")
    @APIResponse(responseCode = "200", description = "Sent; the delivery as it now is")
    @APIResponse(responseCode = "404", description = "No such delivery (problem+json)")
    @APIResponse(responseCode = "409", description = "Not DEAD (problem+json)")
    @APIResponse(responseCode = "503", description = "The SMTP server still fails; the delivery stays DEAD (problem+json)")
    public DeliveryResponse retry(@Parameter(description = "The delivery", example = "0b9a4f1e-8f5c-4a53-9c4e-0d2b1f5e7a11")
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id) {
        UUID deliveryId = UUID.fromString(id);
        deadLetters.retry(deliveryId);
        return log.find(deliveryId).map(DeliveryResponse::from).orElseThrow();
    }
}
