package io.casework.status.rest.board;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Conditional GET (RFC 9110 §13) for the cached views: If-None-Match (weak comparison) wins over If-Modified-Since;
 * either answers 304 without a body. Cache-Control lets the gateway and browsers keep them briefly.
 */
public final class Conditional {

    private Conditional() {
    }

    public static Response respond(Rendered view, String ifNoneMatch, String ifModifiedSince, Duration maxAge) {
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(view.lastModified(), ZoneOffset.UTC));
        Response.ResponseBuilder response = notModified(view, ifNoneMatch, ifModifiedSince)
                ? Response.notModified()
                : Response.ok(view.body(), view.contentType());
        return response
                .header(HttpHeaders.ETAG, view.etag())
                .header(HttpHeaders.LAST_MODIFIED, lastModified)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds())
                .build();
    }

    static boolean notModified(Rendered view, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || stripWeak(candidate).equals(view.etag())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !view.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored (RFC 9110 §13.1.3)
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
