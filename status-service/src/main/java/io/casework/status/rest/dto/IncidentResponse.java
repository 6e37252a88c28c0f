package io.casework.status.rest.dto;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;

@Schema(description = "An incident, shaped after the Google Cloud status dashboard's incidents.json")
public record IncidentResponse(
        UUID id,
        @Schema(examples = "I-2026-0001") String number,
        String title,
        Severity severity,
        IncidentState state,
        List<AffectedProduct> affectedProducts,
        List<Region> regions,
        Instant created,
        @Schema(description = "When the last update was published") Instant modified,
        @Schema(description = "When it was resolved; absent while open") Instant resolved,
        @Schema(description = "The timeline, newest first") List<Update> updates) {

    public record AffectedProduct(@Schema(examples = "cloud-mail") String id, @Schema(examples = "Cloud Mail") String name) {
    }

    public record Update(@Schema(description = "1 for the initial message") int seq, IncidentState state, String message,
            Instant created) {
    }

    public static IncidentResponse from(Incident incident) {
        List<AffectedProduct> products = incident.affectedProducts.stream()
                .sorted(Comparator.comparing(p -> p.id))
                .map(p -> new AffectedProduct(p.id, p.name))
                .toList();
        int count = incident.updates.size();
        List<Update> timeline = IntStream.range(0, count)
                .mapToObj(i -> {
                    var update = incident.updates.get(count - 1 - i);
                    return new Update(count - i, update.state(), update.message(), update.createdAt());
                })
                .toList();
        return new IncidentResponse(incident.id, incident.number, incident.title, incident.severity, incident.state,
                products, incident.sortedRegions(), incident.createdAt, incident.updatedAt, incident.resolvedAt, timeline);
    }
}
