package io.casework.sla.rest.dto;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.calendar.CalendarDefinition;

@Schema(description = "A business calendar", requiredProperties = { "id", "name", "timeZone", "workingDays", "opens", "closes",
        "businessDay", "aroundTheClock", "nationalHolidays", "companyHolidays" })
public record CalendarResponse(
        @Schema(examples = "americas") String id,
        @Schema(examples = "Americas") String name,
        @Schema(examples = "America/New_York") String timeZone,
        @Schema(description = "Working days, Monday first", examples = "[\"MONDAY\"]") List<String> workingDays,
        @Schema(type = SchemaType.STRING, description = "null when around the clock", examples = "08:00", nullable = true)
        LocalTime opens,
        @Schema(type = SchemaType.STRING, description = "null when around the clock", examples = "17:30", nullable = true)
        LocalTime closes,
        @Schema(type = SchemaType.STRING, description = "Length of one business day (the unit of PnD)", examples = "PT9H30M")
        Duration businessDay,
        @Schema(description = "Every instant counts") boolean aroundTheClock,
        @Schema(description = "Where national holidays come from; null when the calendar has none", examples = "Jollyday us",
                nullable = true) String nationalHolidays,
        @Schema(description = "The company's own dates, as rules") List<String> companyHolidays) {

    public static CalendarResponse from(CalendarDefinition d) {
        String national = d.jollydayCountry() != null
                ? "Jollyday " + d.jollydayCountry() + (d.jollydaySubdivision() != null ? "/" + d.jollydaySubdivision() : "")
                : d.nationalRules().isEmpty() ? null : "Hebrew calendar rules (Jollyday has no Israeli calendar)";
        return new CalendarResponse(d.id(), d.name(), d.zone().getId(),
                d.workingDays().stream().sorted().map(Enum::name).toList(), d.opens(), d.closes(), d.dayLength(),
                d.aroundTheClock(), national, d.companyRules().stream().map(r -> r.name()).toList());
    }
}
