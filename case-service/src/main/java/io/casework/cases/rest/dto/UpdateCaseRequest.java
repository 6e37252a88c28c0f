package io.casework.cases.rest.dto;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "Merge patch of the fields a customer may edit; absent fields are left unchanged. "
        + "Priority is not editable here: see PUT /api/v1/cases/{id}/priority.")
public record UpdateCaseRequest(
        @Schema(examples = "Mail delivery delayed for EU users only") @Size(min = 1, max = 255) String subject,
        @Schema(description = "Replaces the CC list") @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> ccEmails,
        @Schema(description = "Replaces the related cases") @Size(max = 20) List<@NotNull UUID> relatedCaseIds,
        @Valid CaseDetailsDto details,
        @Schema(hidden = true, description = "Refused: priority follows its own rules") String priority,
        @Schema(hidden = true, description = "Refused: a case is a test case or not from its filing on")
        @JsonDeserialize(using = StrictBoolean.class) Boolean testCase) {
}
