package io.casework.sla.domain.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/** National public holidays from Jollyday (observed dates, e.g. Independence Day 2020 on Friday 3 July). */
public final class NationalHolidays {

    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

    private NationalHolidays() {
    }

    /** Public holidays of {@code country} (ISO 3166 code as Jollyday spells it) and optional subdivision in a year. */
    public static Map<LocalDate, String> of(String country, String subdivision, int year) {
        HolidayManager manager = MANAGERS.computeIfAbsent(country, c -> HolidayManager.getInstance(ManagerParameters.create(c)));
        Map<LocalDate, String> days = new TreeMap<>();
        var holidays = subdivision == null
                ? manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
                : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision);
        for (Holiday holiday : holidays) {
            days.merge(holiday.getDate(), holiday.getDescription(), (a, b) -> a + " / " + b);
        }
        return days;
    }
}
