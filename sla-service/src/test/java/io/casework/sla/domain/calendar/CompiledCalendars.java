package io.casework.sla.domain.calendar;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Compiled calendars shared by the unit tests (compiling walks a century of dates). */
final class CompiledCalendars {

    private static final Map<String, BusinessCalendar> CACHE = new ConcurrentHashMap<>();

    private CompiledCalendars() {
    }

    static BusinessCalendar of(CalendarDefinition definition) {
        return CACHE.computeIfAbsent(definition.id(), id -> CalendarCompiler.compile(definition, List.of()));
    }

    static BusinessCalendar of(String id) {
        return of(Calendars.find(id).orElseThrow());
    }
}
