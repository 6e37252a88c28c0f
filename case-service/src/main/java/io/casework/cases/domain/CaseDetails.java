package io.casework.cases.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The details that speed up handling (seed 002): when, where, what version, how to reproduce, impact. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDetails(
        Instant problemStartedAt,
        Instant problemEndedAt,
        String timeZone,
        String productVersion,
        String logs,
        Boolean reproducible,
        String reproductionSteps,
        String relevantCode,
        String applicationFlow,
        Integer usersAffectedPercent,
        String userImpact) {

    public static final CaseDetails NONE = new CaseDetails(null, null, null, null, null, null, null, null, null, null, null);
}
