package io.casework.sla.rest.dto;

import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.calendar.Day;

@Schema(description = "A special date of a calendar: holiday, closed day, shortened or extra working day")
public record DayResponse(
        @Schema(examples = "2020-07-03") LocalDate date,
        @Schema(enumeration = { "WORKING", "HOLIDAY", "CLOSED" }) String kind,
        @Schema(examples = "Independence Day") @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        @Schema(enumeration = { "NATIONAL", "COMPANY", "OVERRIDE" }) @JsonInclude(JsonInclude.Include.NON_NULL) String source,
        @Schema(type = SchemaType.STRING, examples = "08:00") @JsonInclude(JsonInclude.Include.NON_NULL) LocalTime opens,
        @Schema(type = SchemaType.STRING, examples = "13:00") @JsonInclude(JsonInclude.Include.NON_NULL) LocalTime closes) {

    public static DayResponse from(Day day) {
        return new DayResponse(day.date(), day.kind().name(), day.name(), day.source() == null ? null : day.source().name(),
                day.opens(), day.closes());
    }
}
