package io.casework.cases.storage;

import java.io.IOException;

/** Stored content failed authentication: it was altered, truncated, extended, reordered or is not ours. */
public class AttachmentIntegrityException extends IOException {

    public AttachmentIntegrityException(String message) {
        super(message);
    }

    public AttachmentIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
