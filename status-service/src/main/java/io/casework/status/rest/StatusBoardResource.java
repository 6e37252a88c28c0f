package io.casework.status.rest;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.rest.CallerFactory;
import io.casework.status.config.StatusConfig;
import io.casework.status.rest.board.BoardCache;
import io.casework.status.rest.board.Conditional;
import io.casework.status.rest.board.DashboardJson;
import io.casework.status.rest.dto.BannerResponse;
import io.casework.status.rest.stream.StatusStream;
import io.casework.status.service.BannerService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The public views of the status (JSON, feeds) served from {@link BoardCache} on the I/O thread, the live stream,
 * and the signed-in user's banner.
 */
@Path("/api/v1/status")
@Tag(name = "Status board")
public class StatusBoardResource {

    private final BoardCache cache;
    private final StatusStream stream;
    private final BannerService banners;
    private final CallerFactory callers;
    private final Duration maxAge;

    StatusBoardResource(BoardCache cache, StatusStream stream, BannerService banners, CallerFactory callers,
            StatusConfig config) {
        this.cache = cache;
        this.stream = stream;
        this.banners = banners;
        this.callers = callers;
        this.maxAge = config.board().maxAge();
    }

    @GET
    @Path("incidents.json")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @NonBlocking
    @Operation(operationId = "getIncidentsJson", summary = "Incidents, as the Google Cloud status dashboard's incidents.json",
            description = "A JSON array, as Google's file is, so that tools written for it read this one: the public "
                    + "incidents open or resolved in the last 90 days, newest first (our extra members: kind, summary, "
                    + "state, maintenance_start/end, postmortem_url/summary). The products and their status are in "
                    + "summary.json. ETag/Last-Modified: send If-None-Match or If-Modified-Since to get 304 when nothing "
                    + "changed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = DashboardJson.IncidentEntry.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
    public Response incidentsJson(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(cache.current().incidentsJson(), ifNoneMatch, ifModifiedSince, maxAge);
    }

    @GET
    @Path("summary.json")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @NonBlocking
    @Operation(operationId = "getStatusSummary", summary = "Products with their status, and incidents",
            description = "What a dashboard shows in one request: every product with its effective status (and the "
                    + "override in force), and the incidents of incidents.json. Conditional GET as for incidents.json.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DashboardJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
    public Response summaryJson(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(cache.current().summaryJson(), ifNoneMatch, ifModifiedSince, maxAge);
    }

    @GET
    @Path("feed.atom")
    @Produces("application/atom+xml")
    @PermitAll
    @NonBlocking
    @Operation(operationId = "getAtomFeed", summary = "Atom feed of all products", description = "RFC 4287; one entry per incident (id urn:uuid:<incident id>), "
            + "updated with its latest change. Conditional GET as for incidents.json.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
    public Response atom(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(cache.current().atom(), ifNoneMatch, ifModifiedSince, maxAge);
    }

    @GET
    @Path("feed.rss")
    @Produces("application/rss+xml")
    @PermitAll
    @NonBlocking
    @Operation(operationId = "getRssFeed", summary = "RSS 2.0 feed of all products", description = "One item per incident (guid urn:uuid:<incident id>). "
            + "Conditional GET as for incidents.json.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
    public Response rss(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return Conditional.respond(cache.current().rss(), ifNoneMatch, ifModifiedSince, maxAge);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll
    @RunOnVirtualThread
    @Operation(operationId = "streamStatus", summary = "Live status events (server-sent events)",
            description = "Events incident-published, incident-updated, postmortem-published (data as in the CloudEvents "
                    + "on casework.status-events, without the author); spike-detected for ops and status publishers. "
                    + "Without a token only public incidents. Each event's id is its position: reconnect with "
                    + "Last-Event-ID to receive what was missed.")
    public void stream(@Parameter(description = "The id of the last event received") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        stream.listen(sink, sse, Audiences.of(callers), parseEventId(lastEventId));
    }

    @GET
    @Path("banner")
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @RunOnVirtualThread
    @Operation(operationId = "getBanner", summary = "Open known issues on the signed-in user's products",
            description = "For the support center's notification banner: open incidents (public or customers-only) that "
                    + "affect the products the user's organization filed cases about in the last 90 days, or the "
                    + "issues the user subscribed to with \"Me too\".")
    public BannerResponse banner() {
        return BannerResponse.from(banners.of(callers.current(), Instant.now()));
    }

    private static Long parseEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Last-Event-ID must be the id of an event of this stream");
        }
    }
}
