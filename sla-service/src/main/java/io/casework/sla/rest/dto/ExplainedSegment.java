package io.casework.sla.rest.dto;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.calendar.BusinessCalendar;

@Schema(description = "A stretch of time and whether it counted")
public record ExplainedSegment(
        @Schema(description = "Start, in the calendar's local offset") OffsetDateTime from,
        @Schema(description = "End (exclusive), in the calendar's local offset") OffsetDateTime to,
        @Schema(enumeration = { "OPEN", "CLOSED_HOURS", "WEEKEND", "HOLIDAY", "CLOSED_DAY" }) String kind,
        @Schema(description = "Whether it counted as business time") boolean counted,
        @Schema(description = "The holiday or override; absent for other kinds", examples = "Independence Day")
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        @Schema(type = SchemaType.STRING, examples = "PT1H") Duration length) {

    public static ExplainedSegment from(BusinessCalendar.Segment segment, ZoneId zone) {
        return new ExplainedSegment(segment.from().atZone(zone).toOffsetDateTime(),
                segment.to().atZone(zone).toOffsetDateTime(), segment.kind().name(), segment.counted(), segment.name(),
                segment.length());
    }
}
