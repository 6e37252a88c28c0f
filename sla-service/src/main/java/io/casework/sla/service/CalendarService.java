package io.casework.sla.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.casework.rest.Caller;
import io.casework.sla.domain.CalendarOverride;
import io.casework.sla.domain.calendar.BusinessCalendar;
import io.casework.sla.domain.calendar.CalendarCompiler;
import io.casework.sla.domain.calendar.CalendarDefinition;
import io.casework.sla.domain.calendar.Calendars;
import io.casework.sla.domain.calendar.DateOverride;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Compiled business calendars, with their date overrides. A compiled calendar is cached per instance and compiled
 * again when its revision (bumped by every override change, on any instance) moves; the revision is re-read at most
 * once a second, so an override reaches every instance within a second.
 */
@ApplicationScoped
public class CalendarService {

    private record Cached(long revision, BusinessCalendar calendar, long checkedAtMillis) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public BusinessCalendar calendar(String id) {
        CalendarDefinition definition = Calendars.find(id)
                .orElseThrow(() -> new NotFoundException("No calendar '" + id + "'; known: "
                        + String.join(", ", Calendars.ids().toList())));
        Cached cached = cache.get(id);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.checkedAtMillis() < 1000) {
            return cached.calendar();
        }
        long revision = QuarkusTransaction.joiningExisting().call(() -> revision(id));
        if (cached != null && cached.revision() == revision) {
            cache.put(id, new Cached(revision, cached.calendar(), now));
            return cached.calendar();
        }
        List<DateOverride> overrides = QuarkusTransaction.joiningExisting().call(() -> CalendarOverride
                .<CalendarOverride>list("calendarId = ?1 order by day", id).stream().map(CalendarOverride::toDomain)
                .toList());
        BusinessCalendar compiled = CalendarCompiler.compile(definition, overrides);
        cache.put(id, new Cached(revision, compiled, now));
        return compiled;
    }

    @Transactional
    public List<CalendarOverride> overrides(String id) {
        requireKnown(id);
        return CalendarOverride.list("calendarId = ?1 order by day", id);
    }

    /** Creates or replaces the override of one date. */
    @Transactional
    public CalendarOverride putOverride(String id, DateOverride override, Caller caller) {
        requireKnown(id);
        if (Calendars.ROUND_THE_CLOCK.equals(id)) {
            throw new IllegalArgumentException("The 24x7 calendar has no dates to override");
        }
        CalendarOverride row = CalendarOverride.findById(new CalendarOverride.Key(id, override.date()));
        if (row == null) {
            row = new CalendarOverride();
            row.calendarId = id;
            row.day = override.date();
        }
        row.kind = override.kind();
        row.opens = override.opens();
        row.closes = override.closes();
        row.reason = override.reason();
        row.updatedBy = caller.email();
        row.updatedAt = Instant.now();
        row.persist();
        bump(id);
        return row;
    }

    @Transactional
    public boolean deleteOverride(String id, LocalDate day) {
        requireKnown(id);
        boolean deleted = CalendarOverride.deleteById(new CalendarOverride.Key(id, day));
        if (deleted) {
            bump(id);
        }
        return deleted;
    }

    /** Forget cached compilations (tests that change overrides behind the service's back). */
    public void invalidate(String id) {
        cache.remove(id);
    }

    private static void requireKnown(String id) {
        if (Calendars.find(id).isEmpty()) {
            throw new NotFoundException("No calendar '" + id + "'");
        }
    }

    private void bump(String id) {
        Panache.getEntityManager().createNativeQuery("INSERT INTO calendar_revision (calendar_id, revision) VALUES (?1, 1) "
                + "ON CONFLICT (calendar_id) DO UPDATE SET revision = calendar_revision.revision + 1")
                .setParameter(1, id).executeUpdate();
        cache.remove(id);
    }

    private static long revision(String id) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT revision FROM calendar_revision WHERE calendar_id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.getFirst()).longValue();
    }
}
