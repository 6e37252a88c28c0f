package io.casework.sla.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The rules of a business calendar: time zone, working days and hours, national holidays (a Jollyday country and
 * subdivision, or explicit rules where Jollyday has none) and the company's own dates.
 *
 * @param aroundTheClock every instant counts (24/7); working days, hours and holidays are then ignored
 */
public record CalendarDefinition(
        String id,
        String name,
        ZoneId zone,
        Set<DayOfWeek> workingDays,
        LocalTime opens,
        LocalTime closes,
        String jollydayCountry,
        String jollydaySubdivision,
        List<HolidayRule> nationalRules,
        List<HolidayRule> companyRules,
        boolean aroundTheClock) {

    /** Length of one business day, the unit of {@code PnD}: the standard working hours, or 24 hours round the clock. */
    public Duration dayLength() {
        return aroundTheClock ? Duration.ofDays(1) : Duration.between(opens, closes);
    }
}
