package io.casework.notifications.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.notifications.domain.EmailAddresses;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.Preference;
import io.casework.notifications.rest.dto.PreferencesRequest;
import io.casework.notifications.rest.dto.PreferencesResponse;
import io.casework.notifications.service.PreferenceService;
import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The caller's own notification preferences; the caller is the e-mail address in their access token. Served at
 * {@code /api/v1/notifications/preferences} and, explicitly, {@code /api/v1/notifications/preferences/me}.
 */
@Path("/api/v1/notifications/preferences")
@Tag(name = "Preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RunOnVirtualThread
public class PreferenceResource {

    private final PreferenceService service;
    private final CallerFactory callers;

    PreferenceResource(PreferenceService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getPreferences", summary = "Read my notification preferences",
            description = "Until saved: no language (each case's own language is used) and case updates on, without ETag.")
    @APIResponse(responseCode = "200", description = "The preferences; ETag names their version once saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    public Response get() {
        String email = callers.current().email();
        return service.find(email)
                .map(p -> Response.ok(PreferencesResponse.from(p)).tag(etag(p)))
                .orElseGet(() -> Response.ok(PreferencesResponse.defaults(EmailAddresses.normalize(email))))
                .build();
    }

    @PUT
    @Operation(operationId = "putPreferences", summary = "Save my notification preferences",
            description = "Creates them (no If-Match) or replaces them (If-Match: the ETag last read). The language "
                    + "overrides the case's language in every mail to me.")
    @APIResponse(responseCode = "201", description = "Created; ETag names the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag names the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, such as an unsupported language (problem+json)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version: read again")
    @APIResponse(responseCode = "428", description = "The preferences exist and If-Match is missing")
    public Response put(@Valid @NotNull PreferencesRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the version being replaced", example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        PreferenceService.Saved saved = service.save(callers.current().email(),
                Language.of(request.language()).orElseThrow(), request.caseUpdates(), IfMatch.of(ifMatch));
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return response.entity(PreferencesResponse.from(saved.preference())).tag(etag(saved.preference())).build();
    }

    @GET
    @Path("me")
    @Operation(operationId = "getMyPreferences", summary = "Read my notification preferences (same as GET /api/v1/notifications/preferences)")
    @APIResponse(responseCode = "200", description = "The preferences; ETag names their version once saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    public Response getMine() {
        return get();
    }

    @PUT
    @Path("me")
    @Operation(operationId = "putMyPreferences", summary = "Save my notification preferences (same as PUT /api/v1/notifications/preferences)")
    @APIResponse(responseCode = "201", description = "Created; ETag names the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag names the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, such as an unsupported language (problem+json)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version: read again")
    @APIResponse(responseCode = "428", description = "The preferences exist and If-Match is missing")
    public Response putMine(@Valid @NotNull PreferencesRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the version being replaced", example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        return put(request, ifMatch, uri);
    }

    private static EntityTag etag(Preference preference) {
        return new EntityTag(Long.toString(preference.version));
    }
}
