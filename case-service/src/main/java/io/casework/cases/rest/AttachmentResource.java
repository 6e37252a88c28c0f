package io.casework.cases.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.casework.cases.domain.Attachment;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import io.casework.cases.rest.dto.AttachmentResponse;
import io.casework.cases.service.AttachmentService;
import io.casework.cases.service.Idempotency;
import io.casework.rest.Caller;
import io.casework.rest.CallerFactory;
import io.casework.rest.IfMatch;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * Files on a case. The upload arrives as multipart/form-data, which Quarkus writes to a temporary file
 * (quarkus.http.body.uploads-directory) rather than memory; the service streams it from there into
 * encrypted storage. Downloads stream back the same way.
 */
@Path("/api/v1/cases/{id}/attachments")
@Tag(name = "Attachments", description = "Files and diagnostic bundles on a case: size-limited, checksummed, "
        + "encrypted at rest; readable by everyone who can see the case")
@RunOnVirtualThread
public class AttachmentResource {

    private final AttachmentService attachments;
    private final CallerFactory callers;
    private final Idempotency idempotency;

    AttachmentResource(AttachmentService attachments, CallerFactory callers, Idempotency idempotency) {
        this.attachments = attachments;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    /** What an attachment request asks for, for its Idempotency-Key: the file by its SHA-256, not its bytes. */
    record UploadFingerprint(String filename, boolean diagnosticBundle, String description, String sha256) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "addCaseAttachment", summary = "Attach a file", description = "multipart/form-data with the file in part `file` (at most "
            + "casework.attachments.max-size, 25 MiB by default), optionally `diagnosticBundle=true` for a diagnostic "
            + "bundle and a `description`. The content type is sniffed from the bytes (the declared one is ignored), "
            + "the file name is sanitised, and the SHA-256 is computed while the file is encrypted to storage. "
            + "Whoever may comment on the case may attach (the same access rules); on a closed case only support "
            + "staff (customers comment first, which reopens the case within 30 days of closing). With an "
            + "Idempotency-Key, a retried upload (same file, name, flag and description) returns the first attachment "
            + "instead of storing the file twice.")
    @APIResponse(responseCode = "201", description = "Stored; Location is the download URL",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotencyApi.REPLAYED, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentResponse.class)))
    @APIResponse(responseCode = "400", description = "No part named file, diagnosticBundle not true/false, description "
            + "too long, or an Idempotency-Key that is blank or longer than 255 characters")
    @APIResponse(responseCode = "403", description = "The caller may read the case but not add to it")
    @APIResponse(responseCode = "404", description = "No such case, or the caller may not see it")
    @APIResponse(responseCode = "409", description = "The case is closed: comment to reopen it first, or file a new case")
    @APIResponse(responseCode = "413", description = "Larger than the attachment limit; nothing is stored")
    @APIResponse(responseCode = "422", description = IdempotencyApi.REUSED)
    @APIResponse(responseCode = "500", description = "Storing failed; the file is not kept and the case is unchanged")
    public Response add(@PathParam("id") UUID caseId,
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary", description = "The file") FileUpload file,
            @RestForm("diagnosticBundle") @Schema(type = SchemaType.BOOLEAN, defaultValue = "false",
                    description = "true for a diagnostic bundle collected for support") String diagnosticBundle,
            @RestForm("description") @Size(max = 500, message = "description must be at most 500 characters")
            @Pattern(regexp = "^[^\\x00]*$", message = "description must not contain the NUL character")
            @Schema(description = "What the file is, at most 500 characters",
                    examples = "Mail server log of 21 November, 10:00-11:00") String description,
            @Parameter(description = IdempotencyApi.KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        if (file == null) {
            throw invalid("Send the file as the multipart/form-data part named file (with a filename)");
        }
        String note = description == null || description.isBlank() ? null : description.strip();
        AttachmentService.Upload upload = new AttachmentService.Upload(file.uploadedFile(), file.size(), file.fileName(),
                parseFlag(diagnosticBundle), note);
        Caller caller = callers.current();
        Object fingerprint = idempotencyKey == null ? null
                : new UploadFingerprint(file.fileName(), upload.diagnosticBundle(), note, sha256(file.uploadedFile()));
        Idempotency.Outcome<Attachment> added = idempotency.once(
                idempotency.request(caller, idempotencyKey, "POST /api/v1/cases/" + caseId + "/attachments", fingerprint),
                recorder -> attachments.add(caseId, upload, caller, recorder),
                earlier -> attachments.get(caseId, UUID.fromString(earlier.resourceId), caller));
        Attachment attachment = added.value();
        return Response.created(uri.getAbsolutePathBuilder().path(attachment.id.toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(IdempotencyApi.REPLAYED, added.replayedHeader())
                .entity(AttachmentResponse.from(attachment))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "listCaseAttachments", summary = "The attachments of a case", description = "Metadata of every file on the case, oldest first, "
            + "diagnostic bundles flagged. Everyone who can see the case sees all of them.")
    @APIResponse(responseCode = "200", description = "The list, possibly empty")
    @APIResponse(responseCode = "404", description = "No such case, or the caller may not see it")
    public List<AttachmentResponse> list(@PathParam("id") UUID caseId) {
        return attachments.list(caseId, callers.current()).stream().map(AttachmentResponse::from).toList();
    }

    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ "customer", "customer-admin", "partner", "agent", "admin" })
    @Operation(operationId = "downloadCaseAttachment", summary = "Download an attachment", description = "The original bytes, streamed and decrypted, with the "
            + "sniffed Content-Type, Content-Disposition: attachment (RFC 6266, UTF-8 file name per RFC 8187), "
            + "X-Content-Type-Options: nosniff and the SHA-256 as ETag (If-None-Match answers 304). The stored file is "
            + "verified before the first byte is sent.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @APIResponse(responseCode = "404", description = "No such case or attachment, the caller may not see the case, or the "
            + "attachment belongs to another case")
    @APIResponse(responseCode = "500", description = "The stored file failed its integrity check; nothing of it is served")
    public Response download(@PathParam("id") UUID caseId, @PathParam("attachmentId") UUID attachmentId,
            @Context Request request) {
        Attachment attachment = attachments.get(caseId, attachmentId, callers.current());
        EntityTag etag = new EntityTag(attachment.sha256);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return privateFile(IfMatch.unlessRefused(notModified, "If-Match does not match the file's ETag"), etag).build();
        }
        attachments.verify(attachment);
        StreamingOutput body = out -> {
            try (InputStream content = attachments.content(attachment)) {
                content.transferTo(out);
            }
        };
        return privateFile(Response.ok(body, attachment.contentType), etag)
                .header(HttpHeaders.CONTENT_LENGTH, attachment.size)
                .header("Content-Disposition", ContentDisposition.attachment(attachment.filename))
                .build();
    }

    /** Headers that keep a browser from rendering or sniffing the file, and shared caches from keeping it. */
    private static Response.ResponseBuilder privateFile(Response.ResponseBuilder response, EntityTag etag) {
        return response.tag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    private static String sha256(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the upload", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean parseFlag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("diagnosticBundle must be true or false, not '" + value + "'");
        };
    }

    private static CaseRuleException invalid(String detail) {
        return new CaseRuleException(Kind.INVALID, "Invalid attachment", detail);
    }
}
