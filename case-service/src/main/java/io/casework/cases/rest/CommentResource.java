package io.casework.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.cases.domain.Comment;
import io.casework.cases.domain.Visibility;
import io.casework.cases.rest.dto.ActionRequests.CommentRequest;
import io.casework.cases.service.CommentService;
import io.casework.cases.service.Idempotency;
import io.casework.rest.Caller;
import io.casework.rest.CallerFactory;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/cases/{id}/comments")
@Tag(name = "Comments", description = "The conversation on a case; internal notes are for staff only")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CommentResource {

    private final CommentService comments;
    private final CallerFactory callers;
    private final Idempotency idempotency;

    CommentResource(CommentService comments, CallerFactory callers, Idempotency idempotency) {
        this.comments = comments;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    @Schema(name = "Comment", description = "A comment on a case",
            requiredProperties = { "id", "caseId", "author", "authorKind", "visibility", "body", "createdAt" })
    public record CommentResponse(UUID id, UUID caseId,
            @Schema(description = "E-mail of the author") String author,
            @Schema(implementation = Comment.AuthorKind.class) String authorKind,
            @Schema(implementation = Visibility.class) String visibility,
            String body,
            Instant createdAt) {
        static CommentResponse from(Comment c) {
            return new CommentResponse(c.id, c.caseId, c.author, c.authorKind.name(), c.visibility.name(), c.body, c.createdAt);
        }
    }

    @POST
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "addCaseComment", summary = "Comment on a case", description = "A customer comment on ACTION_REQUIRED or SOLUTION_PROVIDED moves "
            + "the case back to IN_PROGRESS; on a case closed less than 30 days ago it reopens it. Staff's first public "
            + "comment is the first response. With an Idempotency-Key, a retried request returns the first comment "
            + "instead of adding it twice.")
    @APIResponse(responseCode = "201", description = "Added; Location names the comment",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotencyApi.REPLAYED, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "400", description = IdempotencyApi.BAD_KEY)
    @APIResponse(responseCode = "409", description = "Closed more than 30 days ago: file a new case that references it; "
            + "the comment is not stored")
    @APIResponse(responseCode = "422", description = IdempotencyApi.REUSED)
    public Response add(@PathParam("id") UUID caseId, @Valid @NotNull CommentRequest request,
            @Parameter(description = IdempotencyApi.KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.current();
        Idempotency.Outcome<Comment> added = idempotency.once(
                idempotency.request(caller, idempotencyKey, "POST /api/v1/cases/" + caseId + "/comments", request),
                recorder -> comments.add(caseId, request.body(), request.visibility(), caller, recorder),
                earlier -> comments.get(caseId, UUID.fromString(earlier.resourceId), caller));
        Comment comment = added.value();
        return Response.created(uri.getAbsolutePathBuilder().path(comment.id.toString()).build())
                .header(IdempotencyApi.REPLAYED, added.replayedHeader())
                .entity(CommentResponse.from(comment)).build();
    }

    @GET
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "listCaseComments", summary = "The comments of a case", description = "Oldest first; internal notes only for staff.")
    public List<CommentResponse> list(@PathParam("id") UUID caseId) {
        return comments.list(caseId, callers.current()).stream().map(CommentResponse::from).toList();
    }
}
