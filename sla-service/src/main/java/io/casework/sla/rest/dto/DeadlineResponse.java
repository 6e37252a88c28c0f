package io.casework.sla.rest.dto;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "When a business duration from a start falls due")
public record DeadlineResponse(
        @Schema(examples = "2020-07-06T13:00:00Z") Instant deadline,
        @Schema(description = "With explain=true: the intervals counted and skipped")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ExplainedSegment> explanation) {
}
