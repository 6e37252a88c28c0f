package io.casework.sla.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HebrewCalendarTest {

    @ParameterizedTest(name = "Rosh Hashanah {0} falls on {1}, Pesach on {2}")
    @CsvSource({
            "2000, 2000-09-30, 2000-04-20",
            "2019, 2019-09-30, 2019-04-20",
            "2020, 2020-09-19, 2020-04-09",
            "2021, 2021-09-07, 2021-03-28",
            "2022, 2022-09-26, 2022-04-16",
            "2023, 2023-09-16, 2023-04-06",
            "2024, 2024-10-03, 2024-04-23",
            "2025, 2025-09-23, 2025-04-13",
            "2026, 2026-09-12, 2026-04-02",
            "2030, 2030-09-28, 2030-04-18" })
    void newYearAndPassoverMatchThePublishedDates(int year, LocalDate roshHashanah, LocalDate pesach) {
        assertEquals(roshHashanah, HebrewCalendar.roshHashanah(year));
        assertEquals(pesach, HebrewCalendar.pesach(year));
    }
}
