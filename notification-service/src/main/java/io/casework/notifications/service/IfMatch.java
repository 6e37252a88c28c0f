package io.casework.notifications.service;

import java.util.Arrays;

/**
 * An HTTP If-Match precondition (RFC 9110 §13.1.1) against a version number used as strong ETag. Absent
 * when the request carried none.
 */
public record IfMatch(String header) {

    public boolean present() {
        return header != null && !header.isBlank();
    }

    /** True when the header names {@code version} or is {@code *}. Weak tags never match (strong comparison). */
    public boolean matches(long version) {
        if (!present()) {
            return false;
        }
        String current = Long.toString(version);
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + current + "\"") || tag.equals(current));
    }
}
