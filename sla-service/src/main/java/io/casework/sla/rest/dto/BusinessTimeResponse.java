package io.casework.sla.rest.dto;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Business time between two instants")
public record BusinessTimeResponse(
        @Schema(type = SchemaType.STRING, description = "ISO-8601 hours, minutes and seconds", examples = "PT2H")
        Duration duration,
        @Schema(description = "With explain=true: the intervals counted and skipped")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ExplainedSegment> explanation) {
}
