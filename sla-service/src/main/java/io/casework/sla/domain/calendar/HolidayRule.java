package io.casework.sla.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.function.IntFunction;

/** A named holiday that a rule places in any year (company dates, and national rules no library carries). */
public record HolidayRule(String name, IntFunction<Optional<LocalDate>> dateIn) {

    public Optional<LocalDate> in(int year) {
        return dateIn.apply(year);
    }

    static HolidayRule every(String name, IntFunction<LocalDate> date) {
        return new HolidayRule(name, year -> Optional.of(date.apply(year)));
    }

    // --- Company dates of the americas calendar (seed 003's 2020 list, as rules) ---

    /** Good Friday: two days before (Western) Easter Sunday. */
    public static final HolidayRule GOOD_FRIDAY = every("Good Friday", year -> easterSunday(year).minusDays(2));

    /** Columbus Day: second Monday of October (a federal holiday that Jollyday's US national set leaves to the states). */
    public static final HolidayRule COLUMBUS_DAY = every("Columbus Day", year -> LocalDate.of(year, Month.OCTOBER, 1)
            .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));

    /** The Friday after Thanksgiving (fourth Thursday of November). */
    public static final HolidayRule DAY_AFTER_THANKSGIVING = every("Day after Thanksgiving", year -> LocalDate
            .of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1));

    /**
     * Christmas Eve: 24 December; when that is a Friday (Christmas, a Saturday, is then observed on the Friday) or a
     * weekend day, the last working day before it: Friday 24 → Thursday 23, Saturday → Friday 23, Sunday → Friday 22.
     */
    public static final HolidayRule CHRISTMAS_EVE = every("Christmas Eve", year -> {
        LocalDate eve = LocalDate.of(year, Month.DECEMBER, 24);
        return switch (eve.getDayOfWeek()) {
            case FRIDAY, SATURDAY -> LocalDate.of(year, Month.DECEMBER, 23);
            case SUNDAY -> LocalDate.of(year, Month.DECEMBER, 22);
            default -> eve;
        };
    });

    /**
     * Rosh Hashanah (1 Tishrei), observed like the US federal holidays: on a Saturday it moves to the Friday before.
     * (1 Tishrei never falls on a Sunday, Wednesday or Friday.) 2020: Saturday 19 September → Friday 18 September.
     */
    public static final HolidayRule ROSH_HASHANAH_OBSERVED = every("Rosh Hashanah", year -> {
        LocalDate day = HebrewCalendar.roshHashanah(year);
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.minusDays(1) : day;
    });

    // --- Israeli national holidays (rest days by law); Jollyday has no Israeli calendar ---

    public static final HolidayRule ROSH_HASHANAH_1 = every("Rosh Hashanah", HebrewCalendar::roshHashanah);
    public static final HolidayRule ROSH_HASHANAH_2 = every("Rosh Hashanah (second day)",
            year -> HebrewCalendar.roshHashanah(year).plusDays(1));
    public static final HolidayRule YOM_KIPPUR = every("Yom Kippur", year -> HebrewCalendar.roshHashanah(year).plusDays(9));
    public static final HolidayRule SUKKOT = every("Sukkot", year -> HebrewCalendar.roshHashanah(year).plusDays(14));
    public static final HolidayRule SHEMINI_ATZERET = every("Shemini Atzeret / Simchat Torah",
            year -> HebrewCalendar.roshHashanah(year).plusDays(21));
    public static final HolidayRule PESACH = every("Pesach", HebrewCalendar::pesach);
    public static final HolidayRule PESACH_SEVENTH_DAY = every("Pesach (seventh day)",
            year -> HebrewCalendar.pesach(year).plusDays(6));
    public static final HolidayRule SHAVUOT = every("Shavuot", year -> HebrewCalendar.pesach(year).plusDays(50));

    /**
     * Yom Ha'atzmaut, 5 Iyar (20 days after 15 Nisan), moved by law: Friday or Saturday → the Thursday before,
     * Monday → Tuesday (since 2004, so that Memorial Day does not follow the Sabbath).
     */
    public static final HolidayRule INDEPENDENCE_DAY_IL = every("Yom Ha'atzmaut", year -> {
        LocalDate day = HebrewCalendar.pesach(year).plusDays(20);
        return switch (day.getDayOfWeek()) {
            case FRIDAY -> day.minusDays(1);
            case SATURDAY -> day.minusDays(2);
            case MONDAY -> year >= 2004 ? day.plusDays(1) : day;
            default -> day;
        };
    });

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
