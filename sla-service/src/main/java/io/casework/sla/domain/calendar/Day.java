package io.casework.sla.domain.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One date of a business calendar: its kind, its opening hours when it is worked, and the name and source of what
 * makes it special (null for an ordinary day).
 */
public record Day(LocalDate date, DayKind kind, LocalTime opens, LocalTime closes, String name, HolidaySource source) {

    public boolean working() {
        return kind == DayKind.WORKING;
    }
}
