package io.casework.sla.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The obviously-correct way to count business time: look at every minute, in the calendar's own local time, and
 * ask whether that day is worked and the minute inside its hours. Slow by design; it is what the compiled calendar
 * is checked against (and benchmarked against).
 */
public final class MinuteByMinuteReference {

    private final BusinessCalendar calendar;

    public MinuteByMinuteReference(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public boolean openDuringMinute(Instant minute) {
        if (calendar.definition().aroundTheClock()) {
            return true;
        }
        ZonedDateTime local = minute.atZone(calendar.zone());
        Day day = calendar.day(local.toLocalDate());
        LocalTime time = local.toLocalTime();
        return day.working() && !time.isBefore(day.opens()) && time.isBefore(day.closes());
    }

    /** Business minutes in [from, to); both minute-aligned. */
    public long businessMinutes(Instant from, Instant to) {
        long minutes = 0;
        for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
            if (openDuringMinute(m)) {
                minutes++;
            }
        }
        return minutes;
    }

    /** The end of the {@code minutes}-th open minute from {@code start}; {@code start} itself for zero. */
    public Instant deadline(Instant start, long minutes) {
        Instant t = start;
        long counted = 0;
        while (counted < minutes) {
            if (openDuringMinute(t)) {
                counted++;
            }
            t = t.plusSeconds(60);
        }
        return t;
    }

    public Duration businessTime(Instant from, Instant to) {
        return Duration.ofMinutes(businessMinutes(from, to));
    }
}
