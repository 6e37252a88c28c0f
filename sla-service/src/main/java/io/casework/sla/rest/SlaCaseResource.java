package io.casework.sla.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.casework.rest.Caller;
import io.casework.rest.CallerFactory;
import io.casework.sla.domain.CaseSla;
import io.casework.sla.domain.SlaClock;
import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.rest.dto.CaseSlaResponse;
import io.casework.sla.service.CalendarService;
import io.casework.sla.service.ClockService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla/cases")
@Tag(name = "SLA clocks", description = "The live SLA targets of each case")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SlaCaseResource {

    private final ClockService clocks;
    private final CalendarService calendars;
    private final CallerFactory callers;

    SlaCaseResource(ClockService clocks, CalendarService calendars, CallerFactory callers) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.callers = callers;
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({ "customer", "agent", "admin", "ops" })
    @Operation(operationId = "getCaseSla", summary = "Read a case's SLA", description = "Every target (first response, each periodic-update cycle) "
            + "with its due time, state and business time elapsed and remaining, as of now. Staff read every case; "
            + "customers the cases of their own organization (token claim org).")
    @APIResponse(responseCode = "200", description = "The case's SLA")
    @APIResponse(responseCode = "404", description = "Unknown to sla-service, or not the caller's organization's case")
    public CaseSlaResponse get(@PathParam("caseId") UUID caseId) {
        Caller caller = callers.current();
        CaseSla supportCase = clocks.caseSla(caseId).orElseThrow(() -> notFound(caseId));
        boolean staff = caller.roles().contains("agent") || caller.roles().contains("admin") || caller.roles().contains("ops");
        if (!staff && !supportCase.organization.equals(caller.organization())) {
            // Not "forbidden": another organization's case ids are not confirmed to exist.
            throw notFound(caseId);
        }
        Instant now = Instant.now();
        return new CaseSlaResponse(supportCase.caseId, supportCase.organization, supportCase.priority.code(),
                supportCase.priority.severity(), supportCase.planId, supportCase.planVersion, supportCase.caseState, now,
                clocks.clocksOf(caseId).stream().map(c -> target(c, now)).toList());
    }

    private CaseSlaResponse.Target target(SlaClock c, Instant now) {
        BusinessCalendar calendar = calendars.calendar(c.calendarId);
        return new CaseSlaResponse.Target(c.metric.name(), c.cycle, c.state.name(), c.clock.name(), c.calendarId,
                c.target.toString(), c.startedAt, c.dueAt, c.warnAt != null ? c.warnAt : c.warnedAt,
                c.elapsed(now, calendar), c.remaining(now, calendar), c.completedAt, c.breachedAt, c.stoppedAt);
    }

    private static NotFoundException notFound(UUID caseId) {
        return new NotFoundException("No SLA for case " + caseId);
    }
}
