package io.casework.status.rest.dto;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.casework.status.domain.Impact;
import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentKind;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import io.casework.status.domain.Visibility;

@Schema(description = "An incident (known issue) or scheduled maintenance with its timeline")
public record IncidentResponse(
        UUID id,
        @Schema(examples = "I-2026-0001") String number,
        IncidentKind kind,
        String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String summary,
        Severity severity,
        Impact impact,
        Visibility visibility,
        @Schema(description = "True while only publishers see it (e.g. raised by spike detection)") boolean draft,
        IncidentState state,
        List<AffectedProduct> affectedProducts,
        List<Region> regions,
        @Schema(description = "When the problem began, or the maintenance window's start") Instant begin,
        @Schema(description = "When it ended; null while open", nullable = true) Instant end,
        @JsonInclude(JsonInclude.Include.NON_NULL) MaintenanceWindow maintenanceWindow,
        Instant created,
        @Schema(description = "When the last change was published") Instant modified,
        @Schema(description = "When it was resolved; null while open", nullable = true) Instant resolved,
        @JsonInclude(JsonInclude.Include.NON_NULL) Postmortem postmortem,
        @Schema(description = "The timeline, newest first") List<Update> updates) {

    public record AffectedProduct(@Schema(examples = "cloud-mail") String id, @Schema(examples = "Cloud Mail") String name) {
    }

    public record MaintenanceWindow(Instant start, Instant end,
            @Schema(description = "Moves to IN_PROGRESS by itself at start") boolean autoStart,
            @Schema(description = "Is RESOLVED by itself at end") boolean autoComplete) {
    }

    public record Postmortem(@JsonInclude(JsonInclude.Include.NON_NULL) String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summary, Instant published) {
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
        return new IncidentResponse(incident.id, incident.number, incident.kind, incident.title, incident.summary,
                incident.severity, incident.impact, incident.visibility, incident.draft, incident.state, products,
                incident.sortedRegions(), incident.begin, incident.end,
                incident.windowStart == null ? null : new MaintenanceWindow(incident.windowStart, incident.windowEnd,
                        incident.autoStart, incident.autoComplete),
                incident.createdAt, incident.updatedAt, incident.resolvedAt,
                incident.postmortemAt == null ? null
                        : new Postmortem(incident.postmortemUrl, incident.postmortemSummary, incident.postmortemAt),
                timeline);
    }
}
