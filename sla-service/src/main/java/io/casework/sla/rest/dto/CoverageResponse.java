package io.casework.sla.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.coverage.CoverageLine;

@Schema(description = "Whether a channel is staffed in a language at an instant, and when it opens next")
public record CoverageResponse(
        @Schema(examples = "chat") String channel,
        @Schema(description = "ISO 639-1 language code", examples = "ja") String language,
        @Schema(examples = "Japanese") String languageName,
        @Schema(description = "The instant asked about", examples = "2026-11-21T03:00:00Z") Instant at,
        @Schema(description = "Staffed at that instant") boolean open,
        @Schema(description = "The next opening when closed; null when open (or round the clock)",
                examples = "2026-11-23T00:00:00Z", nullable = true) Instant nextOpening,
        @Schema(description = "When the current opening ends; null when closed or round the clock",
                examples = "2026-11-23T09:00:00Z", nullable = true) Instant closesAt,
        @Schema(description = "The team that answers", examples = "ja-tokyo") String team,
        @Schema(description = "The business calendar of its hours (see /api/v1/sla/calendars)", examples = "chat-ja")
        String calendar,
        @Schema(examples = "Asia/Tokyo") String timeZone,
        @Schema(examples = "Monday–Friday 09:00–18:00 Asia/Tokyo") String hours,
        @Schema(description = "Where the hours come from", examples = "seeds 000/001") String source) {

    public static CoverageResponse of(CoverageLine line, Instant at, boolean open, Instant nextOpening,
            Instant closesAt, String timeZone) {
        return new CoverageResponse(line.channel().id(), line.language(), line.languageName(), at, open, nextOpening,
                closesAt, line.team(), line.calendarId(), timeZone, line.hours(), line.source());
    }
}
