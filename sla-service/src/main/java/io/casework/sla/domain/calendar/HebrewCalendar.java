package io.casework.sla.domain.calendar;

import java.time.LocalDate;

/**
 * The few dates of the Hebrew calendar that business calendars need, by the arithmetic of Reingold and
 * Dershowitz, "Calendrical Calculations" (molad of Tishrei with the postponement rules). Jollyday has no Israeli
 * calendar and Java none of its own, and the rules have been fixed since the 4th century, so they live here.
 */
public final class HebrewCalendar {

    /** Rata Die (day 1 = 0001-01-01 proleptic Gregorian) of 1 Tishrei AM 1. */
    private static final long HEBREW_EPOCH_RD = -1373427;
    /** Rata Die of 1970-01-01, to convert to {@link LocalDate#ofEpochDay}. */
    private static final long UNIX_EPOCH_RD = 719163;

    private HebrewCalendar() {
    }

    /** 1 Tishrei (Rosh Hashanah) that falls in the autumn of Gregorian year {@code gregorianYear}. */
    public static LocalDate roshHashanah(int gregorianYear) {
        return newYear(gregorianYear + 3761);
    }

    /** 15 Nisan (first day of Pesach) in the spring of Gregorian year {@code gregorianYear}: 163 days before the next 1 Tishrei. */
    public static LocalDate pesach(int gregorianYear) {
        return roshHashanah(gregorianYear).minusDays(163);
    }

    static LocalDate newYear(long hebrewYear) {
        long rd = HEBREW_EPOCH_RD + elapsedDays(hebrewYear) + yearLengthCorrection(hebrewYear);
        return LocalDate.ofEpochDay(rd - UNIX_EPOCH_RD);
    }

    private static long elapsedDays(long year) {
        long monthsElapsed = Math.floorDiv(235 * year - 234, 19);
        long partsElapsed = 12084 + 13753 * monthsElapsed;
        long day = 29 * monthsElapsed + Math.floorDiv(partsElapsed, 25920);
        return Math.floorMod(3 * (day + 1), 7) < 3 ? day + 1 : day;
    }

    private static long yearLengthCorrection(long year) {
        long ny0 = elapsedDays(year - 1);
        long ny1 = elapsedDays(year);
        long ny2 = elapsedDays(year + 1);
        if (ny2 - ny1 == 356) {
            return 2;
        }
        return ny1 - ny0 == 382 ? 1 : 0;
    }
}
