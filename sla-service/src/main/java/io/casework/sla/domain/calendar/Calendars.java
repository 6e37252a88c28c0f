package io.casework.sla.domain.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The business calendars (SPEC.md "Business calendars", seed 003's regions) and the chat-coverage hours of seeds
 * 000/001. Rules are code; date overrides are data (calendar_override).
 */
public final class Calendars {

    public static final String ROUND_THE_CLOCK = "24x7";

    private static final Set<DayOfWeek> MON_FRI = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final Set<DayOfWeek> SUN_THU = EnumSet.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY);

    public static final CalendarDefinition APJ = new CalendarDefinition("apj", "Asia-Pacific and Japan",
            ZoneId.of("Asia/Singapore"), MON_FRI, LocalTime.of(9, 0), LocalTime.of(18, 0), "sg", null, List.of(),
            List.of(), false);

    public static final CalendarDefinition ISRAEL = new CalendarDefinition("israel", "Israel",
            ZoneId.of("Asia/Jerusalem"), SUN_THU, LocalTime.of(9, 0), LocalTime.of(18, 0), null, null,
            List.of(HolidayRule.ROSH_HASHANAH_1, HolidayRule.ROSH_HASHANAH_2, HolidayRule.YOM_KIPPUR, HolidayRule.SUKKOT,
                    HolidayRule.SHEMINI_ATZERET, HolidayRule.PESACH, HolidayRule.PESACH_SEVENTH_DAY,
                    HolidayRule.INDEPENDENCE_DAY_IL, HolidayRule.SHAVUOT),
            List.of(), false);

    public static final CalendarDefinition EMEA = new CalendarDefinition("emea", "Europe, Middle East and Africa",
            ZoneId.of("Europe/London"), MON_FRI, LocalTime.of(8, 0), LocalTime.of(17, 0), "gb", "eng", List.of(),
            List.of(), false);

    /** US federal holidays (Jollyday) plus seed 003's company dates, as rules that give its 2020 list exactly. */
    public static final CalendarDefinition AMERICAS = new CalendarDefinition("americas", "Americas",
            ZoneId.of("America/New_York"), MON_FRI, LocalTime.of(8, 0), LocalTime.of(17, 30), "us", null, List.of(),
            List.of(HolidayRule.GOOD_FRIDAY, HolidayRule.ROSH_HASHANAH_OBSERVED, HolidayRule.COLUMBUS_DAY,
                    HolidayRule.DAY_AFTER_THANKSGIVING, HolidayRule.CHRISTMAS_EVE),
            false);

    public static final CalendarDefinition TWENTY_FOUR_SEVEN = new CalendarDefinition(ROUND_THE_CLOCK, "24/7",
            ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), null, null, null, null, List.of(), List.of(), true);

    /** Spanish chat: Monday to Friday 06:00–21:00 Pacific time (seed 000 "PST"; PDT in summer). */
    public static final CalendarDefinition CHAT_ES = new CalendarDefinition("chat-es", "Spanish chat",
            ZoneId.of("America/Los_Angeles"), MON_FRI, LocalTime.of(6, 0), LocalTime.of(21, 0), null, null, List.of(),
            List.of(), false);

    /** Japanese chat: Monday to Friday 09:00–18:00 JST. */
    public static final CalendarDefinition CHAT_JA = new CalendarDefinition("chat-ja", "Japanese chat",
            ZoneId.of("Asia/Tokyo"), MON_FRI, LocalTime.of(9, 0), LocalTime.of(18, 0), null, null, List.of(), List.of(),
            false);

    public static final List<CalendarDefinition> ALL = List.of(APJ, ISRAEL, EMEA, AMERICAS, TWENTY_FOUR_SEVEN, CHAT_ES,
            CHAT_JA);

    private static final Map<String, CalendarDefinition> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(CalendarDefinition::id, Function.identity()));

    private Calendars() {
    }

    public static Optional<CalendarDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    public static Stream<String> ids() {
        return ALL.stream().map(CalendarDefinition::id);
    }
}
