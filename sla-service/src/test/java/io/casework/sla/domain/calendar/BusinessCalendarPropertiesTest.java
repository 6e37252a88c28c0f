package io.casework.sla.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Deadline and business time are inverse operations, and both agree with {@link MinuteByMinuteReference} on every
 * calendar, around the instants where calendars are tricky: DST changes in each zone, holidays on weekends, the
 * Israeli week, year boundaries and leap days.
 */
class BusinessCalendarPropertiesTest {

    /** Where things happen: DST changes (US, UK, Israel), observed holidays, 29 February, New Year. */
    static final List<Instant> TRICKY = List.of(
            Instant.parse("2020-07-01T00:00:00Z"), Instant.parse("2020-12-22T00:00:00Z"),
            Instant.parse("2021-12-21T00:00:00Z"), Instant.parse("2024-02-26T00:00:00Z"),
            Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-25T00:00:00Z"),
            Instant.parse("2026-09-09T00:00:00Z"), Instant.parse("2026-10-22T00:00:00Z"),
            Instant.parse("2026-10-29T00:00:00Z"), Instant.parse("2026-12-23T00:00:00Z"),
            Instant.parse("2027-03-25T00:00:00Z"), Instant.parse("2028-02-27T00:00:00Z"),
            Instant.parse("2099-12-20T00:00:00Z"), Instant.parse("2000-01-01T12:00:00Z"));

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(Calendars.ALL).map(CompiledCalendars::of);
    }

    /** Minute-aligned instants within two weeks after a tricky instant. */
    @Provide
    Arbitrary<Instant> minutes() {
        return Combinators.combine(Arbitraries.of(TRICKY), Arbitraries.longs().between(0, 14 * 24 * 60))
                .as((base, offset) -> base.plusSeconds(offset * 60));
    }

    /** Any instant (nanosecond precision) within two weeks after a tricky instant. */
    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.of(TRICKY), Arbitraries.longs().between(0, Duration.ofDays(14).toNanos()))
                .as(Instant::plusNanos);
    }

    @Property(tries = 300)
    void businessTimeAgreesWithTheMinuteByMinuteReference(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("minutes") Instant from, @ForAll @LongRange(min = 0, max = 10 * 24 * 60) long spanMinutes) {
        Instant to = from.plusSeconds(spanMinutes * 60);
        if (!inWindow(to)) {
            return;
        }
        assertEquals(new MinuteByMinuteReference(calendar).businessTime(from, to), calendar.businessTime(from, to));
    }

    @Property(tries = 300)
    void deadlineAgreesWithTheMinuteByMinuteReference(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("minutes") Instant start, @ForAll @LongRange(min = 0, max = 5 * 570) long businessMinutes) {
        if (start.isAfter(Instant.parse("2099-12-01T00:00:00Z"))) {
            return; // the reference would walk past the compiled century
        }
        assertEquals(new MinuteByMinuteReference(calendar).deadline(start, businessMinutes),
                calendar.deadline(start, Duration.ofMinutes(businessMinutes)));
    }

    @Property(tries = 2000)
    void businessTimeUntilTheDeadlineIsTheDuration(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll @LongRange(min = 0, max = 5 * 24 * 3600) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        if (start.isAfter(Instant.parse("2099-12-01T00:00:00Z"))) {
            return;
        }
        Duration duration = Duration.ofSeconds(seconds, nanos);
        Instant deadline = calendar.deadline(start, duration);
        assertEquals(duration, calendar.businessTime(start, deadline));
        // The first such instant: a nanosecond earlier is not enough.
        if (!duration.isZero()) {
            assertEquals(duration.minusNanos(1), calendar.businessTime(start, deadline.minusNanos(1)));
        }
    }

    @Property(tries = 2000)
    void theDeadlineOfTheBusinessTimeToAnInstantIsNotAfterIt(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant from, @ForAll("instants") Instant to) {
        if (to.isBefore(from) || !inWindow(to)) {
            return;
        }
        Duration elapsed = calendar.businessTime(from, to);
        Instant deadline = calendar.deadline(from, elapsed);
        assertTrue(!deadline.isAfter(to));
        // Whatever lies between is closed time.
        assertEquals(Duration.ZERO, calendar.businessTime(deadline, to));
        // And explain accounts for exactly that time.
        if (Duration.between(from, to).toDays() < 20) {
            assertEquals(elapsed, calendar.explain(from, to).stream().filter(BusinessCalendar.Segment::counted)
                    .map(BusinessCalendar.Segment::length).reduce(Duration.ZERO, Duration::plus));
        }
    }

    @Property(tries = 1000)
    void longerDurationsNeverEndEarlier(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll @LongRange(min = 0, max = 3 * 24 * 3600) long a,
            @ForAll @LongRange(min = 0, max = 3 * 24 * 3600) long b) {
        if (start.isAfter(Instant.parse("2099-12-01T00:00:00Z"))) {
            return;
        }
        Instant first = calendar.deadline(start, Duration.ofSeconds(Math.min(a, b)));
        Instant second = calendar.deadline(start, Duration.ofSeconds(Math.max(a, b)));
        assertTrue(!second.isBefore(first));
        // Additivity: d(a+b) from start = d(b) from d(a).
        assertEquals(calendar.deadline(start, Duration.ofSeconds(a + b)),
                calendar.deadline(calendar.deadline(start, Duration.ofSeconds(a)), Duration.ofSeconds(b)));
    }

    private static boolean inWindow(Instant instant) {
        return instant.isBefore(Instant.parse("2099-12-31T00:00:00Z"));
    }
}
