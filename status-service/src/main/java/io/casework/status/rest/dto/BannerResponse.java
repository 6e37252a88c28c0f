package io.casework.status.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.domain.Impact;
import io.casework.status.domain.IncidentKind;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Severity;
import io.casework.status.domain.Visibility;
import io.casework.status.service.BannerService;

@Schema(description = "Open known issues on the signed-in user's products, for the support center's banner")
public record BannerResponse(
        @Schema(description = "The products watched for this user: those their organization filed cases about in "
                + "the last 90 days, and those of the issues they subscribed to")
        Set<String> products,
        List<Item> issues) {

    @Schema(name = "BannerIssue") // case-service has an Item too, in the merged OpenAPI document
    public record Item(UUID id, String number, IncidentKind kind, String title, Severity severity, Impact impact,
            Visibility visibility, IncidentState state, List<String> affectedProducts,
            @Schema(description = "The latest update's message", nullable = true) String latestUpdate, Instant modified,
            @Schema(description = "Whether the user already pressed \"Me too\"") boolean subscribed) {
    }

    public static BannerResponse from(BannerService.Banner banner) {
        return new BannerResponse(banner.products(), banner.items().stream().map(item -> {
            var incident = item.incident();
            var latest = incident.latestUpdate();
            return new Item(incident.id, incident.number, incident.kind, incident.title, incident.severity,
                    incident.impact, incident.visibility, incident.state, incident.affectedProductIds(),
                    latest == null ? null : latest.message(), incident.updatedAt, item.subscribed());
        }).toList());
    }
}
