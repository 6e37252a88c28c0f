package io.casework.status.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.casework.rest.StrictJson;
import io.casework.status.domain.Incident;
import jakarta.ws.rs.BadRequestException;

/** Opaque position in the newest-first list of incidents: the last incident of the page before. */
record IncidentCursor(Instant createdAt, UUID id) {

    static IncidentCursor after(Incident incident) {
        return new IncidentCursor(incident.createdAt, incident.id);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page. */
    static IncidentCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            Instant at = Instant.parse(parts[0]);
            if (!StrictJson.storable(at)) {
                throw new IllegalArgumentException("cursor instant out of range");
            }
            return new IncidentCursor(at, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new BadRequestException("Invalid cursor: use the one from the Link header of the previous page");
        }
    }
}
