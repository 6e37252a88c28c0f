package io.casework.cases.domain;

/** An upload over the configured attachment size limit (413); nothing was stored. */
public class AttachmentTooLargeException extends RuntimeException {

    private final long size;
    private final long limit;

    public AttachmentTooLargeException(long size, long limit) {
        super("The file has " + size + " bytes; attachments are limited to " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
