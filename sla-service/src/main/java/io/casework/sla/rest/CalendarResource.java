package io.casework.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.rest.CallerFactory;
import io.casework.rest.StrictJson;
import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.domain.calendar.BusinessDuration;
import io.casework.sla.domain.calendar.Calendars;
import io.casework.sla.domain.calendar.DateOverride;
import io.casework.sla.rest.dto.BusinessTimeResponse;
import io.casework.sla.rest.dto.CalendarResponse;
import io.casework.sla.rest.dto.DayResponse;
import io.casework.sla.rest.dto.DeadlineResponse;
import io.casework.sla.rest.dto.ExplainedSegment;
import io.casework.sla.rest.dto.OverrideRequest;
import io.casework.sla.service.CalendarService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/sla/calendars")
@Tag(name = "Business calendars", description = "Regions' working hours and holidays, deadlines and business time")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Authenticated
public class CalendarResource {

    /** Explanations list every day; a year is plenty for a person to read. */
    private static final Duration MAX_EXPLAINED = Duration.ofDays(366);

    private final CalendarService calendars;
    private final CallerFactory callers;

    CalendarResource(CalendarService calendars, CallerFactory callers) {
        this.calendars = calendars;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listCalendars", summary = "List the business calendars", description = "The regions apj, israel, emea and americas, "
            + "24x7, and the chat-coverage hours (chat-es, chat-ja).")
    public List<CalendarResponse> list() {
        return Calendars.ALL.stream().map(CalendarResponse::from).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCalendar", summary = "Read a business calendar")
    @APIResponse(responseCode = "404", description = "No such calendar")
    public CalendarResponse get(@Parameter(example = "americas") @PathParam("id") String id) {
        return CalendarResponse.from(Calendars.find(id).orElseThrow(() -> new NotFoundException("No calendar '" + id + "'")));
    }

    @GET
    @Path("{id}/holidays")
    @Operation(operationId = "listCalendarHolidays", summary = "List a year's holidays and overridden dates", description = "National holidays (observed "
            + "dates), company dates and date overrides, with their source.")
    public List<DayResponse> holidays(@PathParam("id") String id,
            @Parameter(description = "Year, " + BusinessCalendar.FIRST_YEAR + "–" + BusinessCalendar.LAST_YEAR, example = "2020")
            @QueryParam("year") @NotNull Integer year) {
        if (year < BusinessCalendar.FIRST_YEAR || year > BusinessCalendar.LAST_YEAR) {
            throw new BadRequestException("year must be between " + BusinessCalendar.FIRST_YEAR + " and "
                    + BusinessCalendar.LAST_YEAR);
        }
        return calendars.calendar(id).specialDays(year).stream().map(DayResponse::from).toList();
    }

    @GET
    @Path("{id}/deadline")
    @Operation(operationId = "getCalendarDeadline", summary = "When a business duration from a start falls due", description = "Hours in the duration are "
            + "business hours; PnD is n business days of the calendar's standard length (americas: 9h30). A start "
            + "outside working hours counts from the next opening. explain=true lists the intervals counted and skipped.")
    @APIResponse(responseCode = "200", description = "The deadline")
    @APIResponse(responseCode = "400", description = "Malformed start or duration, or outside 2000–2099")
    @APIResponse(responseCode = "404", description = "No such calendar")
    public DeadlineResponse deadline(@Parameter(example = "americas") @PathParam("id") String id,
            @Parameter(description = "ISO-8601 instant", example = "2020-07-02T20:30:00Z") @QueryParam("start") String start,
            @Parameter(description = "ISO-8601 days and time", example = "PT2H") @QueryParam("duration") String duration,
            @Parameter(description = "List the intervals counted and skipped") @QueryParam("explain") boolean explain) {
        BusinessCalendar calendar = calendars.calendar(id);
        Instant from = instant("start", start);
        BusinessDuration length = duration("duration", duration);
        Instant deadline = calendar.deadline(from, length);
        return new DeadlineResponse(deadline, explain ? explanation(calendar, from, deadline) : null);
    }

    @GET
    @Path("{id}/business-time")
    @Operation(operationId = "getCalendarBusinessTime", summary = "Business time between two instants", description = "Counts the calendar's open hours in "
            + "[from, to). explain=true lists the intervals counted and skipped.")
    @APIResponse(responseCode = "200", description = "The business time")
    @APIResponse(responseCode = "400", description = "Malformed instants, to before from, or outside 2000–2099")
    public BusinessTimeResponse businessTime(@PathParam("id") String id,
            @Parameter(example = "2020-07-02T20:30:00Z") @QueryParam("from") String from,
            @Parameter(example = "2020-07-06T13:00:00Z") @QueryParam("to") String to,
            @QueryParam("explain") boolean explain) {
        BusinessCalendar calendar = calendars.calendar(id);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (end.isBefore(start)) {
            throw new BadRequestException("to must not be before from");
        }
        return new BusinessTimeResponse(calendar.businessTime(start, end),
                explain ? explanation(calendar, start, end) : null);
    }

    @PUT
    @Path("{id}/overrides/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "putCalendarOverride", summary = "Close, shorten or open one date", description = "Creates or replaces the override of a date. "
            + "Running SLA clocks keep the due times already announced until their next recomputation.")
    @APIResponse(responseCode = "200", description = "The date as the calendar now sees it")
    @APIResponse(responseCode = "400", description = "Hours missing or not in order")
    public DayResponse putOverride(@PathParam("id") String id,
            @Parameter(example = "2026-11-25") @PathParam("date") String date, @Valid @NotNull OverrideRequest request) {
        LocalDate day = date(date);
        DateOverride override;
        try {
            override = new DateOverride(day, request.kind(), request.opens(), request.closes(), request.reason());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        calendars.putOverride(id, override, callers.current());
        return DayResponse.from(calendars.calendar(id).day(day));
    }

    @DELETE
    @Path("{id}/overrides/{date}")
    @RolesAllowed("admin")
    @Operation(operationId = "deleteCalendarOverride", summary = "Remove a date override")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No override on that date")
    public Response deleteOverride(@PathParam("id") String id, @PathParam("date") String date) {
        if (!calendars.deleteOverride(id, date(date))) {
            throw new NotFoundException("No override of " + id + " on " + date);
        }
        return Response.noContent().build();
    }

    private static List<ExplainedSegment> explanation(BusinessCalendar calendar, Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(MAX_EXPLAINED) > 0) {
            throw new BadRequestException("explain covers at most 366 days; ask without explain=true");
        }
        return calendar.explain(from, to).stream().map(s -> ExplainedSegment.from(s, calendar.zone())).toList();
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required (ISO-8601 instant such as 2026-11-20T09:15:00Z)");
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-20T09:15:00Z, not '"
                    + value + "'");
        }
        if (!StrictJson.storable(instant)) {
            throw new BadRequestException(name + " must fall in the years 1 to 9999, not '" + value + "'");
        }
        return instant;
    }

    private static BusinessDuration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required (ISO-8601 duration such as PT4H or P1D)");
        }
        try {
            return BusinessDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + ": " + e.getMessage());
        }
    }

    /** An ISO date within the years calendars cover; anything else cannot have an override (and PostgreSQL would refuse it). */
    private static LocalDate date(String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date must be ISO-8601 (2026-11-25), not '" + value + "'");
        }
        if (day.getYear() < BusinessCalendar.FIRST_YEAR || day.getYear() > BusinessCalendar.LAST_YEAR) {
            throw new BadRequestException("date must be in the years " + BusinessCalendar.FIRST_YEAR + "–"
                    + BusinessCalendar.LAST_YEAR + " that calendars cover, not '" + value + "'");
        }
        return day;
    }
}
