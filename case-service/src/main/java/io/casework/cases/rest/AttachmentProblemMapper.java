package io.casework.cases.rest;

import java.io.IOException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.casework.cases.domain.AttachmentCorruptedException;
import io.casework.cases.domain.AttachmentTooLargeException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Attachment refusals and failures as RFC 9457 problems. */
public class AttachmentProblemMapper {

    private static final Logger LOG = Logger.getLogger(AttachmentProblemMapper.class);

    /**
     * RESTEasy reports a multipart body cut short or without its boundary as an IOException: the client's fault, so
     * 400. Any other IOException reaching here is ours.
     */
    @ServerExceptionMapper
    Response unreadable(IOException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return HttpProblem.builder()
                    .withStatus(Response.Status.BAD_REQUEST)
                    .withTitle("Bad Request")
                    .withDetail("The multipart body is malformed or incomplete; send the file again.")
                    .build().toResponse();
        }
        LOG.error("I/O failure", e);
        return HttpProblem.valueOf(Response.Status.INTERNAL_SERVER_ERROR).toResponse();
    }

    @ServerExceptionMapper
    Response tooLarge(AttachmentTooLargeException e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .withTitle("Attachment too large")
                .withDetail(e.getMessage() + ". Split or compress the file, or share a link to it in a comment.")
                .with("size", e.size())
                .with("maxSize", e.limit())
                .build().toResponse();
    }

    @ServerExceptionMapper
    Response corrupted(AttachmentCorruptedException e) {
        // The server's fault, not the client's: no byte of the damaged file is served.
        return HttpProblem.builder()
                .withStatus(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode())
                .withTitle("Attachment unreadable")
                .withDetail("The stored file failed its integrity check and is not served. The error is logged for support staff; "
                        + "please upload it again.")
                .with("attachmentId", e.attachmentId().toString())
                .build().toResponse();
    }
}
