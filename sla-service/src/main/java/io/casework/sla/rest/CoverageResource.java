package io.casework.sla.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.domain.calendar.Calendars;
import io.casework.sla.domain.coverage.Channel;
import io.casework.sla.domain.coverage.Coverage;
import io.casework.sla.domain.coverage.CoverageLine;
import io.casework.sla.domain.coverage.UnknownCoverageException;
import io.casework.sla.rest.dto.CoverageResponse;
import io.casework.sla.service.CalendarService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla/coverage")
@Tag(name = "Coverage", description = "Which team answers chat and phone in a language, and whether it is open")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Authenticated
public class CoverageResource {

    private final CalendarService calendars;

    CoverageResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Operation(operationId = "getCoverage", summary = "Is a channel staffed in a language", description = "Chat: English 24/7, Spanish Monday–Friday "
            + "06:00–21:00 Pacific time, Japanese Monday–Friday 09:00–18:00 JST (seeds 000/001). Phone: 14 languages, "
            + "answered by the desk or regional team that speaks them, on its calendar with its holidays. Without at: "
            + "now.")
    @APIResponse(responseCode = "200", description = "Open or not, and the next opening")
    @APIResponse(responseCode = "400", description = "Unknown channel or language, malformed or out-of-range instant")
    public CoverageResponse coverage(
            @Parameter(description = "chat or phone", example = "chat", required = true) @QueryParam("channel") String channel,
            @Parameter(description = "ISO 639-1 code (a region subtag is ignored)", example = "ja", required = true)
            @QueryParam("language") String language,
            @Parameter(description = "ISO-8601 instant; default now", example = "2026-11-21T03:00:00Z") @QueryParam("at") String at) {
        CoverageLine line = line(channel, language);
        Instant when = at == null ? Instant.now() : CalendarResource.instant("at", at);
        BusinessCalendar calendar = calendars.calendar(line.calendarId());
        if (Calendars.ROUND_THE_CLOCK.equals(line.calendarId())) {
            return CoverageResponse.of(line, when, true, null, null, calendar.zone().getId());
        }
        boolean open = calendar.isOpen(when);
        return CoverageResponse.of(line, when, open, open ? null : calendar.nextOpening(when).orElse(null),
                calendar.closesAfter(when).orElse(null), calendar.zone().getId());
    }

    @GET
    @Path("lines")
    @Operation(operationId = "listCoverageLines", summary = "List every channel and language with its team and hours")
    public List<CoverageLine> lines() {
        return Coverage.LINES;
    }

    private static CoverageLine line(String channel, String language) {
        if (channel == null || channel.isBlank()) {
            throw new BadRequestException("channel is required: chat or phone");
        }
        if (language == null || language.isBlank()) {
            throw new BadRequestException("language is required (ISO 639-1 code such as en, es, ja)");
        }
        try {
            return Coverage.line(Channel.parse(channel), language);
        } catch (UnknownCoverageException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
