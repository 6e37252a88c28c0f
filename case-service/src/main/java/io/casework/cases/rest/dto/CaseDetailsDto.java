package io.casework.cases.rest.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.casework.cases.domain.CaseDetails;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@Schema(description = "Details that speed up handling: when it started, where, which version, how to reproduce, impact")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDetailsDto(
        @Schema(examples = "2026-11-20T08:55:00Z") Instant problemStartedAt,
        @Schema(description = "Absent while the problem goes on") Instant problemEndedAt,
        @Schema(description = "IANA time zone of the affected users", examples = "Europe/Paris") @Size(max = 64) String timeZone,
        @Schema(examples = "4.2.1") @Size(max = 64) String productVersion,
        @Schema(description = "Stack trace or log entries") @Size(max = 65_536) String logs,
        Boolean reproducible,
        @Size(max = 16_000) String reproductionSteps,
        @Size(max = 32_000) String relevantCode,
        @Schema(description = "The application flow that leads to the problem") @Size(max = 16_000) String applicationFlow,
        @Schema(examples = "40") @Min(0) @Max(100) Integer usersAffectedPercent,
        @Schema(examples = "Sales cannot send quotes") @Size(max = 4_000) String userImpact) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "problemEndedAt must not be before problemStartedAt")
    public boolean isProblemWindowOrdered() {
        return problemStartedAt == null || problemEndedAt == null || !problemEndedAt.isBefore(problemStartedAt);
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "timeZone must be an IANA time zone such as Europe/Paris")
    public boolean isTimeZoneKnown() {
        return timeZone == null || java.time.ZoneId.getAvailableZoneIds().contains(timeZone);
    }

    public CaseDetails toDomain() {
        return new CaseDetails(problemStartedAt, problemEndedAt, timeZone, productVersion, logs, reproducible,
                reproductionSteps, relevantCode, applicationFlow, usersAffectedPercent, userImpact);
    }

    public static CaseDetailsDto from(CaseDetails d) {
        return new CaseDetailsDto(d.problemStartedAt(), d.problemEndedAt(), d.timeZone(), d.productVersion(), d.logs(),
                d.reproducible(), d.reproductionSteps(), d.relevantCode(), d.applicationFlow(), d.usersAffectedPercent(),
                d.userImpact());
    }

    /** Fields given here replace those of {@code base}; absent ones keep their value. */
    public CaseDetails mergeInto(CaseDetails base) {
        return new CaseDetails(
                problemStartedAt != null ? problemStartedAt : base.problemStartedAt(),
                problemEndedAt != null ? problemEndedAt : base.problemEndedAt(),
                timeZone != null ? timeZone : base.timeZone(),
                productVersion != null ? productVersion : base.productVersion(),
                logs != null ? logs : base.logs(),
                reproducible != null ? reproducible : base.reproducible(),
                reproductionSteps != null ? reproductionSteps : base.reproductionSteps(),
                relevantCode != null ? relevantCode : base.relevantCode(),
                applicationFlow != null ? applicationFlow : base.applicationFlow(),
                usersAffectedPercent != null ? usersAffectedPercent : base.usersAffectedPercent(),
                userImpact != null ? userImpact : base.userImpact());
    }
}
