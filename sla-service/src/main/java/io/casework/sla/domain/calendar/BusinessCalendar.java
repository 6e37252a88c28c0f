package io.casework.sla.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * A business calendar compiled for arithmetic: every opening of {@value #FIRST_YEAR}–{@value #LAST_YEAR} as an
 * interval of epoch nanoseconds, with the running total of open time at the end of each. Business time between two
 * instants is then a difference of two totals and a deadline one binary search, exact to the nanosecond and
 * independent of DST (the intervals are real instants, built from local hours in the calendar's zone).
 * Immutable; a changed override compiles a new one.
 */
public final class BusinessCalendar {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final CalendarDefinition definition;
    private final NavigableMap<LocalDate, Day> specialDays;
    private final long[] starts;
    private final long[] ends;
    /** cumEnd[i]: open nanoseconds from the window's start up to ends[i]; strictly increasing. */
    private final long[] cumEnd;
    private final long windowStart;
    private final long windowEnd;

    BusinessCalendar(CalendarDefinition definition, NavigableMap<LocalDate, Day> specialDays) {
        this.definition = definition;
        this.specialDays = specialDays;
        ZoneId zone = definition.zone();
        this.windowStart = toNanos(LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(zone).toInstant());
        this.windowEnd = toNanos(LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(zone).toInstant());
        if (definition.aroundTheClock()) {
            starts = new long[] { windowStart };
            ends = new long[] { windowEnd };
        } else {
            List<long[]> open = new ArrayList<>(26_500);
            for (LocalDate date = LocalDate.of(FIRST_YEAR, 1, 1); date.getYear() <= LAST_YEAR; date = date.plusDays(1)) {
                Day day = day(date);
                if (day.working()) {
                    open.add(new long[] { toNanos(ZonedDateTime.of(date, day.opens(), zone).toInstant()),
                            toNanos(ZonedDateTime.of(date, day.closes(), zone).toInstant()) });
                }
            }
            starts = open.stream().mapToLong(i -> i[0]).toArray();
            ends = open.stream().mapToLong(i -> i[1]).toArray();
        }
        cumEnd = new long[starts.length];
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            total += ends[i] - starts[i];
            cumEnd[i] = total;
        }
    }

    public CalendarDefinition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    public ZoneId zone() {
        return definition.zone();
    }

    public Duration dayLength() {
        return definition.dayLength();
    }

    /** The date as this calendar sees it: an override, a holiday, the weekend, or an ordinary working day. */
    public Day day(LocalDate date) {
        if (definition.aroundTheClock()) {
            return new Day(date, DayKind.WORKING, null, null, null, null);
        }
        Day special = specialDays.get(date);
        if (special != null) {
            return special;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return definition.workingDays().contains(weekday)
                ? new Day(date, DayKind.WORKING, definition.opens(), definition.closes(), null, null)
                : new Day(date, DayKind.WEEKEND, null, null, null, null);
    }

    /** Holidays, overrides and other special dates of one year, in date order. */
    public List<Day> specialDays(int year) {
        return List.copyOf(specialDays.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    /** Business time in [from, to); zero when {@code to} is not after {@code from}. */
    public Duration businessTime(Instant from, Instant to) {
        return Duration.ofNanos(businessNanos(toNanos(from), toNanos(to)));
    }

    public long businessNanos(long from, long to) {
        checkInWindow(from);
        checkInWindow(to);
        return to <= from ? 0 : openBefore(to) - openBefore(from);
    }

    /** When {@code duration} of business time has passed since {@code start}; a closed start counts from the next opening. */
    public Instant deadline(Instant start, BusinessDuration duration) {
        return fromNanos(deadlineNanos(toNanos(start), duration.toNanos(dayLength())));
    }

    public Instant deadline(Instant start, Duration businessTime) {
        return fromNanos(deadlineNanos(toNanos(start), businessTime.toNanos()));
    }

    /** The first instant t with {@code businessNanos(start, t) == nanos}. */
    public long deadlineNanos(long start, long nanos) {
        checkInWindow(start);
        if (nanos < 0) {
            throw new IllegalArgumentException("A business duration is not negative");
        }
        if (nanos == 0) {
            return start;
        }
        long target = openBefore(start) + nanos;
        int i = Arrays.binarySearch(cumEnd, target);
        if (i < 0) {
            i = -i - 1;
        }
        if (i >= cumEnd.length) {
            throw new OutsideCalendarRangeException(id());
        }
        long cumStart = i == 0 ? 0 : cumEnd[i - 1];
        return starts[i] + (target - cumStart);
    }

    public boolean isOpen(Instant at) {
        long t = toNanos(at);
        checkInWindow(t);
        int i = lastStartAtOrBefore(t);
        return i >= 0 && t < ends[i];
    }

    /** The next opening at or after {@code at} (itself when open), if any before the calendar's end. */
    public Optional<Instant> nextOpening(Instant at) {
        long t = toNanos(at);
        checkInWindow(t);
        int i = lastStartAtOrBefore(t);
        if (i >= 0 && t < ends[i]) {
            return Optional.of(at);
        }
        return i + 1 < starts.length ? Optional.of(fromNanos(starts[i + 1])) : Optional.empty();
    }

    /** When the opening that contains {@code at} closes; empty when closed. */
    public Optional<Instant> closesAfter(Instant at) {
        long t = toNanos(at);
        checkInWindow(t);
        int i = lastStartAtOrBefore(t);
        return i >= 0 && t < ends[i] ? Optional.of(fromNanos(ends[i])) : Optional.empty();
    }

    /**
     * [from, to) cut into what counts (open hours) and what does not (closed hours, weekend, holidays, closed days),
     * consecutive pieces of the same kind merged. The counted pieces add up to {@link #businessTime}.
     */
    public List<Segment> explain(Instant from, Instant to) {
        checkInWindow(toNanos(from));
        checkInWindow(toNanos(to));
        List<Segment> segments = new ArrayList<>();
        if (!to.isAfter(from)) {
            return segments;
        }
        if (definition.aroundTheClock()) {
            segments.add(new Segment(from, to, Segment.Kind.OPEN, null));
            return segments;
        }
        ZoneId zone = zone();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.atStartOfDay(zone).toInstant().isAfter(to)
                && !date.atStartOfDay(zone).toInstant().equals(to); date = date.plusDays(1)) {
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            Day day = day(date);
            switch (day.kind()) {
                case WORKING -> {
                    Instant open = ZonedDateTime.of(date, day.opens(), zone).toInstant();
                    Instant close = ZonedDateTime.of(date, day.closes(), zone).toInstant();
                    add(segments, dayStart, open, from, to, Segment.Kind.CLOSED_HOURS, null);
                    add(segments, open, close, from, to, Segment.Kind.OPEN, day.name());
                    add(segments, close, dayEnd, from, to, Segment.Kind.CLOSED_HOURS, null);
                }
                case WEEKEND -> add(segments, dayStart, dayEnd, from, to, Segment.Kind.WEEKEND, null);
                case HOLIDAY -> add(segments, dayStart, dayEnd, from, to, Segment.Kind.HOLIDAY, day.name());
                case CLOSED -> add(segments, dayStart, dayEnd, from, to, Segment.Kind.CLOSED_DAY, day.name());
            }
        }
        return segments;
    }

    private static void add(List<Segment> segments, Instant start, Instant end, Instant from, Instant to,
            Segment.Kind kind, String name) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        if (!e.isAfter(s)) {
            return;
        }
        if (!segments.isEmpty()) {
            Segment last = segments.getLast();
            // Open hours of successive days stay apart (each is one day's count); closed stretches merge.
            if (last.kind() == kind && kind != Segment.Kind.OPEN && Objects.equals(last.name(), name)
                    && last.to().equals(s)) {
                segments.set(segments.size() - 1, new Segment(last.from(), e, kind, name));
                return;
            }
        }
        segments.add(new Segment(s, e, kind, name));
    }

    /** A stretch of an explanation. */
    public record Segment(Instant from, Instant to, Kind kind, String name) {

        public enum Kind {
            OPEN, CLOSED_HOURS, WEEKEND, HOLIDAY, CLOSED_DAY
        }

        public boolean counted() {
            return kind == Kind.OPEN;
        }

        public Duration length() {
            return Duration.between(from, to);
        }
    }

    private long openBefore(long t) {
        int i = lastStartAtOrBefore(t);
        if (i < 0) {
            return 0;
        }
        long cumStart = i == 0 ? 0 : cumEnd[i - 1];
        return cumStart + Math.min(t, ends[i]) - starts[i];
    }

    private int lastStartAtOrBefore(long t) {
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }

    private void checkInWindow(long t) {
        if (t < windowStart || t > windowEnd) {
            throw new OutsideCalendarRangeException(id());
        }
    }

    public static long toNanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        // Guard before multiplying: beyond year 2262 epoch nanoseconds do not fit a long.
        if (seconds < -9_000_000_000L || seconds > 9_000_000_000L) {
            throw new OutsideCalendarRangeException(null);
        }
        return seconds * NANOS_PER_SECOND + instant.getNano();
    }

    public static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

}
