package io.casework.status.rest.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * One representation, rendered once per change: its ETag is a digest of its bytes, so that it changes exactly when
 * the body does (also when only the history window slid).
 */
public record Rendered(byte[] body, String contentType, String etag, Instant lastModified) {

    public static Rendered of(byte[] body, String contentType, Instant lastModified) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            String tag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
            return new Rendered(body, contentType, tag, lastModified);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Rendered of(String body, String contentType, Instant lastModified) {
        return of(body.getBytes(StandardCharsets.UTF_8), contentType, lastModified);
    }
}
