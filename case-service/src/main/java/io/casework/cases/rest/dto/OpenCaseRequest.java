package io.casework.cases.rest.dto;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.casework.cases.domain.Channel;
import io.casework.cases.domain.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A new support case")
public record OpenCaseRequest(
        @Schema(description = "Organization filed for; customers may omit it (their own), staff and partners must give it", examples = "acme")
        @Size(max = 64) String organization,
        @Schema(examples = "Cloud Mail") @NotBlank @Size(max = 128) String product,
        @Schema(examples = "Mail delivery delayed for all users") @NotBlank @Size(max = 255) String subject,
        @Schema(examples = "Since 09:00 CET every outgoing message waits 30 minutes in the queue.")
        @NotBlank @Size(max = 32_000) String description,
        @Schema(description = "P1..P4 or CRITICAL, SEVERE, MODERATE, MINOR", examples = "P2") @NotNull Priority priority,
        @Schema(description = "Defaults to the caller's e-mail") @Email @Size(max = 320) String contactEmail,
        @Schema(description = "Also told of every change", examples = "[\"ops@acme.example\"]")
        @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> ccEmails,
        @Schema(description = "ISO 639-1 language of the conversation; default en", examples = "fr")
        @Pattern(regexp = "^[a-z]{2}$") String language,
        @Schema(description = "Defaults to PORTAL, or PARTNER_API for partner integrations") Channel channel,
        @Schema(description = "Earlier cases this one follows up, e.g. a higher-priority case referencing the first")
        @Size(max = 20) List<@NotNull UUID> relatedCaseIds,
        @Schema(description = "The known issue this case is linked to") @Size(max = 64) String knownIssueId,
        @Valid CaseDetailsDto details,
        @Schema(description = "Your own reference for this case, e.g. your ticket id: 1 to 128 letters, digits and "
                + ". _ : / # + @ -, starting with a letter or digit. Unique per organization among the cases you (your "
                + "partner organization) filed: a second case with it is 409. Find the case again with "
                + "GET /api/v1/cases?externalId=", examples = "INC-0042817", maxLength = 128,
                pattern = EXTERNAL_ID)
        @Pattern(regexp = EXTERNAL_ID, message = EXTERNAL_ID_RULE)
        // left out of the request's canonical JSON when absent, so Idempotency-Key hashes of filings from before it stay valid
        @JsonInclude(JsonInclude.Include.NON_NULL) String externalId,
        @Schema(description = "A sandbox case, to test an integration: it runs the whole flow (SLA clocks, events, "
                + "webhooks) but no e-mail reaches its recipients (deliveries are recorded as suppressed), no one is "
                + "paged and it counts in no metric or report. Fixed at filing; default false.",
                // no defaultValue: openapi-typescript (defaultNonNullable) would make the member required in requests
                examples = "true")
        // left out of the canonical JSON unless true, so Idempotency-Key hashes of filings from before it stay valid
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonDeserialize(using = StrictBoolean.class) Boolean testCase) {

    /** Allowed external ids; anchored ECMA-262 as well as Java, as the OpenAPI document repeats it. */
    public static final String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9._:/#+@-]{0,127}$";
    public static final String EXTERNAL_ID_RULE = "externalId must be 1 to 128 characters: letters, digits and "
            + ". _ : / # + @ -, starting with a letter or digit";
}
