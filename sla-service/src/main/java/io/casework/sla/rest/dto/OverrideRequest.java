package io.casework.sla.rest.dto;

import java.time.LocalTime;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.casework.sla.domain.calendar.OverrideKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "An exception to a calendar's rules for one date")
public record OverrideRequest(
        @Schema(description = "CLOSED: an extra closed day; SHORTENED: other hours; WORKING: an extra working day")
        @NotNull OverrideKind kind,
        @Schema(type = SchemaType.STRING, description = "Local opening time (SHORTENED; optional for WORKING)", examples = "08:00")
        LocalTime opens,
        @Schema(type = SchemaType.STRING, description = "Local closing time, after opens", examples = "13:00")
        LocalTime closes,
        @Schema(examples = "Half day before Thanksgiving") @Size(max = 200) String reason) {
}
