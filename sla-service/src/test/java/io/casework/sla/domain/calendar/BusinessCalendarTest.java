package io.casework.sla.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Named cases for each calendar: DST, holidays on weekends, the Sun–Thu week, year boundaries, leap days. */
class BusinessCalendarTest {

    @Test
    void americasReproducesSeed003sCompanyHolidayListFor2020() {
        Map<LocalDate, String> holidays = CompiledCalendars.of("americas").specialDays(2020).stream()
                .collect(Collectors.toMap(Day::date, Day::name, (a, b) -> a, TreeMap::new));
        assertEquals(List.of(
                LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-20"), LocalDate.parse("2020-02-17"),
                LocalDate.parse("2020-04-10"), LocalDate.parse("2020-05-25"), LocalDate.parse("2020-07-03"),
                LocalDate.parse("2020-09-07"), LocalDate.parse("2020-09-18"), LocalDate.parse("2020-10-12"),
                LocalDate.parse("2020-11-11"), LocalDate.parse("2020-11-26"), LocalDate.parse("2020-11-27"),
                LocalDate.parse("2020-12-24"), LocalDate.parse("2020-12-25")), List.copyOf(holidays.keySet()));
        assertEquals("Rosh Hashanah", holidays.get(LocalDate.parse("2020-09-18")));
        assertEquals("Good Friday", holidays.get(LocalDate.parse("2020-04-10")));
        assertEquals("Christmas Eve", holidays.get(LocalDate.parse("2020-12-24")));
    }

    @Test
    void americasRulesCarryTheCompanyDatesIntoOtherYears() {
        Map<LocalDate, Day> y2021 = CompiledCalendars.of("americas").specialDays(2021).stream()
                .collect(Collectors.toMap(Day::date, d -> d));
        // Christmas 2021 is a Saturday, observed Friday 24: Christmas Eve moves to Thursday 23.
        assertEquals("Christmas Eve", y2021.get(LocalDate.parse("2021-12-23")).name());
        assertEquals(HolidaySource.COMPANY, y2021.get(LocalDate.parse("2021-12-23")).source());
        // Rosh Hashanah 2021 is Tuesday 7 September; Good Friday 2 April; the Friday after Thanksgiving 26 November.
        assertEquals("Rosh Hashanah", y2021.get(LocalDate.parse("2021-09-07")).name());
        assertEquals("Good Friday", y2021.get(LocalDate.parse("2021-04-02")).name());
        assertEquals("Day after Thanksgiving", y2021.get(LocalDate.parse("2021-11-26")).name());
        assertEquals(HolidaySource.NATIONAL, y2021.get(LocalDate.parse("2021-06-18")).source()); // Juneteenth, observed
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource({
            // Thursday before the observed Independence Day: Friday 3 July 2020 closed, then the weekend.
            "americas, 2020-07-02T20:30:00Z, PT2H, 2020-07-06T13:00:00Z",
            // Friday evening before the spring DST change (8 March 2026): Monday opens at 08:00 EDT = 12:00Z.
            "americas, 2026-03-06T22:00:00Z, PT1H, 2026-03-09T12:30:00Z",
            // Autumn change (1 November 2026): Friday 17:00 EDT, Monday 08:00 EST = 13:00Z.
            "americas, 2026-10-30T21:00:00Z, PT1H, 2026-11-02T13:30:00Z",
            // One business day from the opening is the same day's close (9h30).
            "americas, 2026-11-23T13:00:00Z, P1D, 2026-11-23T22:30:00Z",
            // Leap day 2024 is a working Thursday.
            "americas, 2024-02-28T22:00:00Z, PT1H, 2024-02-29T13:30:00Z",
            // New Year's Eve 2026 (Thursday) to Monday 4 January 2027: 1 January is a Friday holiday.
            "americas, 2026-12-31T22:00:00Z, PT1H, 2027-01-04T13:30:00Z",
            // A start at night counts from the next opening.
            "americas, 2026-11-24T03:00:00Z, PT30M, 2026-11-24T13:30:00Z",
            // Israel works Sunday to Thursday: Thursday 17:00 (UTC+2) + 2h = Sunday 10:00.
            "israel, 2026-01-08T15:00:00Z, PT2H, 2026-01-11T08:00:00Z",
            // Rosh Hashanah 2026 is Saturday 12 and Sunday 13 September: Thursday 17:00 IDT + 2h = Monday 10:00 IDT.
            "israel, 2026-09-10T14:00:00Z, PT2H, 2026-09-14T07:00:00Z",
            // Israel's spring change (Friday 27 March 2026): Thursday 17:00 IST (15:00Z) + 2h = Sunday 10:00 IDT (07:00Z).
            "israel, 2026-03-26T15:00:00Z, PT2H, 2026-03-29T07:00:00Z",
            // London's spring change (29 March 2026): Friday 16:00 GMT + 2h = Monday 09:00 BST = 08:00Z.
            "emea, 2026-03-27T16:00:00Z, PT2H, 2026-03-30T08:00:00Z",
            // Christmas 2026 on a Friday, Boxing Day (Saturday) observed Monday 28: Thursday 16:00 + 2h = Tuesday 09:00.
            "emea, 2026-12-24T16:00:00Z, PT2H, 2026-12-29T09:00:00Z",
            // Singapore: Christmas 2026 on Friday; Thursday 17:00 SGT + 2h = Monday 10:00 SGT.
            "apj, 2026-12-24T09:00:00Z, PT2H, 2026-12-28T02:00:00Z",
            // Two business days of 9h on apj.
            "apj, 2026-11-23T01:00:00Z, P2D, 2026-11-24T10:00:00Z",
            // 24/7: one day is 24 hours whatever the day.
            "24x7, 2026-03-08T01:30:00Z, P1DT2H, 2026-03-09T03:30:00Z" })
    void deadlinesAcrossWeekendsHolidaysAndDst(String calendar, Instant start, String duration, Instant deadline) {
        BusinessCalendar c = CompiledCalendars.of(calendar);
        assertEquals(deadline, c.deadline(start, BusinessDuration.parse(duration)));
        assertEquals(BusinessDuration.parse(duration).toDuration(c.dayLength()), c.businessTime(start, deadline));
    }

    @Test
    void israelClosesForYomKippurAndIndependenceDay() {
        Map<LocalDate, Day> y2026 = CompiledCalendars.of("israel").specialDays(2026).stream()
                .collect(Collectors.toMap(Day::date, d -> d));
        assertEquals("Yom Kippur", y2026.get(LocalDate.parse("2026-09-21")).name());
        // 5 Iyar 5786 is Wednesday 22 April 2026.
        assertEquals("Yom Ha'atzmaut", y2026.get(LocalDate.parse("2026-04-22")).name());
        // 5 Iyar 5784 (Monday 13 May 2024) moved to Tuesday 14 May.
        assertTrue(CompiledCalendars.of("israel").specialDays(2024).stream()
                .anyMatch(d -> d.date().equals(LocalDate.parse("2024-05-14")) && d.name().equals("Yom Ha'atzmaut")));
    }

    @Test
    void explainListsWhatWasCountedAndWhatWasSkipped() {
        BusinessCalendar americas = CompiledCalendars.of("americas");
        List<BusinessCalendar.Segment> segments = americas.explain(Instant.parse("2020-07-02T20:30:00Z"),
                Instant.parse("2020-07-06T13:00:00Z"));
        assertEquals(List.of(BusinessCalendar.Segment.Kind.OPEN, BusinessCalendar.Segment.Kind.CLOSED_HOURS,
                BusinessCalendar.Segment.Kind.HOLIDAY, BusinessCalendar.Segment.Kind.WEEKEND,
                BusinessCalendar.Segment.Kind.CLOSED_HOURS, BusinessCalendar.Segment.Kind.OPEN),
                segments.stream().map(BusinessCalendar.Segment::kind).toList());
        assertEquals("Independence Day", segments.get(2).name());
        assertEquals(Instant.parse("2020-07-03T04:00:00Z"), segments.get(2).from());
        assertEquals(Duration.ofHours(2), segments.stream().filter(BusinessCalendar.Segment::counted)
                .map(BusinessCalendar.Segment::length).reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void overridesCloseShortenAndOpenDays() {
        BusinessCalendar americas = CalendarCompiler.compile(Calendars.AMERICAS, List.of(
                new DateOverride(LocalDate.parse("2026-11-23"), OverrideKind.CLOSED, null, null, "Office move"),
                new DateOverride(LocalDate.parse("2026-11-24"), OverrideKind.SHORTENED, LocalTime.of(8, 0),
                        LocalTime.of(12, 0), "Half day"),
                new DateOverride(LocalDate.parse("2026-11-28"), OverrideKind.WORKING, null, null, "Release weekend")));
        assertEquals(DayKind.CLOSED, americas.day(LocalDate.parse("2026-11-23")).kind());
        // Monday closed, Tuesday 08:00–12:00 EST: 4h, then Wednesday.
        assertEquals(Instant.parse("2026-11-25T14:00:00Z"),
                americas.deadline(Instant.parse("2026-11-23T13:00:00Z"), Duration.ofHours(5)));
        // Saturday 28 works standard hours.
        assertTrue(americas.isOpen(Instant.parse("2026-11-28T15:00:00Z")));
        assertFalse(americas.isOpen(Instant.parse("2026-11-29T15:00:00Z")));
    }

    @Test
    void shortenedDayNeedsHoursThatMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new DateOverride(LocalDate.parse("2026-11-24"),
                OverrideKind.SHORTENED, LocalTime.of(12, 0), LocalTime.of(8, 0), null));
        assertThrows(IllegalArgumentException.class, () -> new DateOverride(LocalDate.parse("2026-11-24"),
                OverrideKind.CLOSED, LocalTime.of(8, 0), LocalTime.of(12, 0), null));
    }

    @Test
    void instantsOutsideTheCompiledCenturyAreRefused() {
        BusinessCalendar emea = CompiledCalendars.of("emea");
        assertThrows(OutsideCalendarRangeException.class,
                () -> emea.deadline(Instant.parse("1999-06-01T10:00:00Z"), Duration.ofHours(1)));
        assertThrows(OutsideCalendarRangeException.class,
                () -> emea.deadline(Instant.parse("2099-12-31T16:30:00Z"), Duration.ofHours(2)));
    }

    @Test
    void businessDurationKeepsDaysApartFromHours() {
        assertEquals(new BusinessDuration(1, Duration.ofHours(4)), BusinessDuration.parse("P1DT4H"));
        assertEquals("P1DT4H30M", BusinessDuration.parse("P1DT4H30M").toString());
        assertEquals("PT48H", BusinessDuration.parse("PT48H").toString());
        assertEquals(Duration.ofMinutes(9 * 60 + 30 + 120), BusinessDuration.parse("P1DT2H")
                .toDuration(Calendars.AMERICAS.dayLength()));
        for (String bad : new String[] { "P", "PT", "P1W", "P1M", "-PT1H", "PT1.5H", "1D", "" }) {
            assertThrows(IllegalArgumentException.class, () -> BusinessDuration.parse(bad), bad);
        }
    }
}
