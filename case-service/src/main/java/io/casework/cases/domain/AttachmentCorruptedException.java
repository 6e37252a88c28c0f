package io.casework.cases.domain;

import java.util.UUID;

/**
 * The stored content of an attachment failed its integrity check (authentication tag, truncation, or
 * SHA-256 mismatch): it was changed or damaged at rest. Nothing of it is served.
 */
public class AttachmentCorruptedException extends RuntimeException {

    private final UUID attachmentId;

    public AttachmentCorruptedException(UUID attachmentId, Throwable cause) {
        super("The stored content of attachment " + attachmentId + " failed its integrity check", cause);
        this.attachmentId = attachmentId;
    }

    public UUID attachmentId() {
        return attachmentId;
    }
}
