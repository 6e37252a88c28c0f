package io.casework.cases.domain;

import jakarta.ws.rs.NotFoundException;

/** No such attachment on this case; attachments of other cases are not found either (404 like an invisible case). */
public class AttachmentNotFoundException extends NotFoundException {

    public AttachmentNotFoundException(Object caseId, Object attachmentId) {
        super("Attachment " + attachmentId + " not found on case " + caseId);
    }
}
