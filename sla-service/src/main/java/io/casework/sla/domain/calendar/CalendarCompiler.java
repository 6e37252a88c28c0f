package io.casework.sla.domain.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Builds a {@link BusinessCalendar} from its rules and date overrides: overrides win over company dates, which win over national ones. */
public final class CalendarCompiler {

    private CalendarCompiler() {
    }

    public static BusinessCalendar compile(CalendarDefinition definition, Collection<DateOverride> overrides) {
        NavigableMap<LocalDate, Day> special = new TreeMap<>();
        if (!definition.aroundTheClock()) {
            for (int year = BusinessCalendar.FIRST_YEAR; year <= BusinessCalendar.LAST_YEAR; year++) {
                if (definition.jollydayCountry() != null) {
                    NationalHolidays.of(definition.jollydayCountry(), definition.jollydaySubdivision(), year)
                            .forEach((date, name) -> holiday(special, date, name, HolidaySource.NATIONAL));
                }
                for (HolidayRule rule : definition.nationalRules()) {
                    int y = year;
                    rule.in(y).ifPresent(date -> holiday(special, date, rule.name(), HolidaySource.NATIONAL));
                }
                for (HolidayRule rule : definition.companyRules()) {
                    int y = year;
                    rule.in(y).ifPresent(date -> holiday(special, date, rule.name(), HolidaySource.COMPANY));
                }
            }
            for (DateOverride override : overrides) {
                special.put(override.date(), overridden(definition, override, special.get(override.date())));
            }
            // Only dates inside the compiled years count; observed dates may spill over (31 Dec 1999).
            special.headMap(LocalDate.of(BusinessCalendar.FIRST_YEAR, 1, 1)).clear();
            special.tailMap(LocalDate.of(BusinessCalendar.LAST_YEAR + 1, 1, 1)).clear();
        }
        return new BusinessCalendar(definition, special);
    }

    private static void holiday(NavigableMap<LocalDate, Day> special, LocalDate date, String name, HolidaySource source) {
        Day existing = special.get(date);
        if (existing != null) {
            // Two holidays on one date (national and company): one closed day, both names.
            if (!existing.name().contains(name)) {
                special.put(date, new Day(date, DayKind.HOLIDAY, null, null, existing.name() + " / " + name,
                        existing.source()));
            }
            return;
        }
        special.put(date, new Day(date, DayKind.HOLIDAY, null, null, name, source));
    }

    private static Day overridden(CalendarDefinition definition, DateOverride override, Day underlying) {
        String name = override.reason() != null ? override.reason()
                : underlying != null ? underlying.name() : null;
        return switch (override.kind()) {
            case CLOSED -> new Day(override.date(), DayKind.CLOSED, null, null, name, HolidaySource.OVERRIDE);
            case SHORTENED, WORKING -> new Day(override.date(), DayKind.WORKING,
                    override.opens() != null ? override.opens() : definition.opens(),
                    override.closes() != null ? override.closes() : definition.closes(), name, HolidaySource.OVERRIDE);
        };
    }
}
