package io.casework.cases.messaging.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code io.casework.case.opened}: a case was filed. */
public record CaseOpened(@JsonUnwrapped CaseSummary summary, String creator, String filedByReseller,
        List<UUID> relatedCaseIds, String knownIssueId, Instant createdAt) {

    public static final String TYPE = "io.casework.case.opened";
}
