package io.casework.sla.rest;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.casework.sla.domain.calendar.OutsideCalendarRangeException;
import jakarta.ws.rs.core.Response;

/** An instant or deadline beyond the compiled years is the client's input, not a server failure: 400. */
public class CalendarRangeProblemMapper {

    @ServerExceptionMapper
    Response outsideRange(OutsideCalendarRangeException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Bad Request", "status", 400, "detail", e.getMessage()))
                .build();
    }
}
