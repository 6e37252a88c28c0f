package io.casework.status.rest.board;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.IncidentUpdate;
import io.casework.status.domain.Product;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import io.casework.status.service.StatusBoardService.Board;

/**
 * {@code summary.json}: the product list and statuses, and the incidents in the shape of the Google Cloud status
 * dashboard's incidents.json; {@code incidents.json} is that array alone (so that tools written for Google's file read
 * ours).
 */
@Schema(description = "Products with their status, and the incidents of the last 90 days (open ones whatever their age) "
        + "in the shape of the Google Cloud status dashboard's incidents.json")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DashboardJson(Instant updated, List<ProductEntry> products, List<IncidentEntry> incidents) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductEntry(@Schema(examples = "cloud-mail") String id, @Schema(examples = "Cloud Mail") String title,
            @Schema(description = "The effective status: the override while one is active, else what the open "
                    + "incidents give", examples = "OPERATIONAL") String status,
            @Schema(description = "When the status last changed") Instant updated,
            @Schema(description = "Present while a status publisher overrides the status")
            @JsonInclude(JsonInclude.Include.NON_NULL) OverrideEntry override) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OverrideEntry(
            @Schema(examples = "Mail delivery is being verified after the relay replacement") String reason,
            @Schema(description = "When the override lapses; absent: until it is ended")
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant until) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Location(@Schema(examples = "emea") String id,
            @Schema(examples = "Europe, Middle East and Africa") String title) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NamedProduct(String id, String title) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Update(Instant created, Instant modified, Instant when, String text,
            @Schema(description = "SERVICE_INFORMATION, SERVICE_DISRUPTION, SERVICE_OUTAGE, or AVAILABLE once resolved")
            String status,
            @Schema(description = "Our state at this update (INVESTIGATING ... RESOLVED)") String state,
            List<Location> affectedLocations) {
    }

    /** As the dashboard's, members an incident does not have are left out (end while open, a maintenance window...). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncidentEntry(String id, String number, String kind, Instant begin, Instant created,
            @Schema(description = "Absent while open") @JsonInclude(JsonInclude.Include.NON_NULL) Instant end,
            Instant modified, String externalDesc, @JsonInclude(JsonInclude.Include.NON_NULL) String summary,
            List<Update> updates, @JsonInclude(JsonInclude.Include.NON_NULL) Update mostRecentUpdate,
            String statusImpact, String severity, String state, String serviceKey, String serviceName,
            List<NamedProduct> affectedProducts, String uri, List<Location> currentlyAffectedLocations,
            List<Location> previouslyAffectedLocations,
            @Schema(description = "Scheduled maintenance only") @JsonInclude(JsonInclude.Include.NON_NULL) Instant maintenanceStart,
            @Schema(description = "Scheduled maintenance only") @JsonInclude(JsonInclude.Include.NON_NULL) Instant maintenanceEnd,
            @JsonInclude(JsonInclude.Include.NON_NULL) String postmortemUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) String postmortemSummary) {
    }

    public static DashboardJson of(Board board) {
        Instant now = board.readAt();
        return new DashboardJson(board.changedAt(),
                board.products().stream().map(p -> product(p, now)).toList(),
                board.incidents().stream().map(DashboardJson::entry).toList());
    }

    static ProductEntry product(Product product, Instant now) {
        return new ProductEntry(product.id, product.name, product.effectiveStatus(now).name(),
                product.effectiveSince(now),
                product.activeOverride(now).map(o -> new OverrideEntry(o.reason(), o.until())).orElse(null));
    }

    static IncidentEntry entry(Incident incident) {
        List<Location> locations = incident.sortedRegions().stream().map(DashboardJson::location).toList();
        List<NamedProduct> products = incident.affectedProducts.stream()
                .sorted(Comparator.comparing((Product p) -> p.id))
                .map(p -> new NamedProduct(p.id, p.name))
                .toList();
        String impact = incident.impact.dashboardName();
        List<Update> updates = incident.updates.reversed().stream()
                .map(u -> update(u, impact, locations))
                .toList();
        return new IncidentEntry(incident.id.toString(), incident.number, incident.kind.name(), incident.begin,
                incident.createdAt, incident.end, incident.updatedAt, incident.title, incident.summary, updates,
                updates.isEmpty() ? null : updates.getFirst(), impact, googleSeverity(incident.severity),
                incident.state.name(), products.getFirst().id(), products.getFirst().title(), products,
                "incidents/" + incident.id, incident.isResolved() ? List.of() : locations,
                incident.isResolved() ? locations : List.of(), incident.windowStart, incident.windowEnd,
                incident.postmortemUrl, incident.postmortemSummary);
    }

    private static Update update(IncidentUpdate update, String impact, List<Location> locations) {
        String status = update.state() == IncidentState.RESOLVED ? "AVAILABLE" : impact;
        return new Update(update.createdAt(), update.createdAt(), update.createdAt(), update.message(), status,
                update.state().name(), locations);
    }

    static Location location(Region region) {
        return new Location(region.name().toLowerCase(Locale.ROOT), region.title());
    }

    /** The dashboard knows low, medium and high. */
    static String googleSeverity(Severity severity) {
        return switch (severity) {
            case LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH, CRITICAL -> "high";
        };
    }
}
