package io.casework.notifications.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.notifications.domain.Subscription;
import io.casework.notifications.service.UnsubscribeService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The unsubscribe link of known-issue mails, without login: the signed token is the authority. GET only shows
 * a confirmation (link scanners and previews fetch links); POST unsubscribes, from that page's button or as
 * the mail client's RFC 8058 one-click request (body {@code List-Unsubscribe=One-Click}).
 */
@Path("/api/v1/notifications/unsubscribe")
@Tag(name = "Unsubscribe")
@PermitAll
@RunOnVirtualThread
public class UnsubscribeResource {

    private final UnsubscribeService service;
    private final Template page;

    UnsubscribeResource(UnsubscribeService service, @Location("unsubscribe.html") Template page) {
        this.service = service;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getUnsubscribePage", summary = "Confirm unsubscribing from a known issue",
            description = "An HTML page naming the known issue, with a button that unsubscribes. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The confirmation page")
    @APIResponse(responseCode = "400", description = "Invalid or unknown token (problem+json)")
    public String confirm(@Parameter(description = "The token of the mail's unsubscribe link")
            @QueryParam("token") @NotBlank @Size(max = 2048) String token) {
        Subscription subscription = service.find(token);
        return render(subscription, token, false);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe from a known issue (RFC 8058 one-click)",
            description = "Stops the known issue's mails to this address and publishes io.casework.notification.unsubscribed "
                    + "so that the person returns to individual support. Idempotent; any body is ignored.")
    @APIResponse(responseCode = "200", description = "Unsubscribed (or already was); an HTML page saying so")
    @APIResponse(responseCode = "400", description = "Invalid or unknown token (problem+json)")
    public String unsubscribe(@Parameter(description = "The token of the mail's unsubscribe link")
            @QueryParam("token") @NotBlank @Size(max = 2048) String token,
            @Parameter(description = "Set by the confirmation page's button; absent in a mail client's one-click request")
            @QueryParam("confirmed") boolean confirmed) {
        Subscription subscription = service.unsubscribe(token, !confirmed);
        return render(subscription, token, true);
    }

    private String render(Subscription subscription, String token, boolean done) {
        return page.data("subscription", subscription).data("token", token).data("done", done).render();
    }
}
