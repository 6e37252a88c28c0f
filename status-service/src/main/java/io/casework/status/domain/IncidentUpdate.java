package io.casework.status.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One entry of an incident's timeline; its position in the timeline is its sequence number.
 *
 * @param author the staff member who published it: kept for the record, not shown on the public status page
 */
@Embeddable
public record IncidentUpdate(
        @Enumerated(EnumType.STRING) @Column(nullable = false) IncidentState state,
        @Column(nullable = false) String message,
        @Column(nullable = false) String author,
        @Column(name = "created_at", nullable = false) Instant createdAt) {
}
