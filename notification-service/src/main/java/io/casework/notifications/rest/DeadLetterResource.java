package io.casework.notifications.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.notifications.rest.dto.DeliveryResponse;
import io.casework.notifications.service.DeliveryLog;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/notifications/dead-letters")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DeadLetterResource {

    private final DeliveryLog log;

    DeadLetterResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed({ "ops", "admin" })
    @Operation(operationId = "listDeadLetters", summary = "Deliveries that gave up",
            description = "Mails still failing after every automatic retry (status DEAD), oldest first. Retry each with "
                    + "POST /api/v1/notifications/deliveries/{id}/retry once the SMTP relay works again.")
    @APIResponse(responseCode = "200", description = "The dead deliveries, without bodies")
    public List<DeliveryResponse> list(@Parameter(description = "At most this many, 1 to 500", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return log.deadLetters(limit).stream().map(DeliveryResponse::from).toList();
    }
}
