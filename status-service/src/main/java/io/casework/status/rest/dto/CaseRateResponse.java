package io.casework.status.rest.dto;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.status.service.CaseRateService.HourlyCases;

@Schema(description = "Cases opened for a product in each of the last 24 hours, oldest first")
public record CaseRateResponse(
        @Schema(description = "Product id, or the product as filed when it matches no product of the catalogue",
                examples = "cloud-mail")
        String product,
        @Schema(description = "Cases over the 24 hours") int total,
        List<Hour> hours) {

    public record Hour(Instant hourStart, int cases) {
    }

    public static CaseRateResponse from(HourlyCases series) {
        List<Hour> hours = series.hours().stream().map(h -> new Hour(h.hourStart(), h.cases())).toList();
        return new CaseRateResponse(series.product(), hours.stream().mapToInt(Hour::cases).sum(), hours);
    }
}
