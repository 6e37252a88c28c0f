package io.casework.cases.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attachment content lives. Implementations stream (they never hold a whole file in memory),
 * protect the content at rest, and fail a read with {@link AttachmentIntegrityException} rather than
 * return bytes that were changed. The default is {@link EncryptedFileStorage}; docs/attachments.md
 * explains how to add another (e.g. S3-compatible object storage).
 */
public interface AttachmentStorage {

    /** What was stored: the key to read it back with, and the SHA-256 (lower-case hex) and size of the plaintext. */
    record StoredContent(String key, String sha256, long size) {
    }

    /** Stores {@code content} (read to its end, not closed) under a new key. Nothing is left behind on failure. */
    StoredContent put(InputStream content) throws IOException;

    /** The plaintext stored under {@code key}; the caller closes it. */
    InputStream open(String key) throws IOException;

    /** Removes the content under {@code key}; no error when it is already gone. */
    void delete(String key) throws IOException;
}
