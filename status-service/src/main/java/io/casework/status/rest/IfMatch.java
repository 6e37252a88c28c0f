package io.casework.status.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import io.casework.status.domain.IncidentRuleException;
import io.casework.status.domain.IncidentRuleException.Kind;

/**
 * The If-Match precondition on a version (ETag {@code "<version>"}). RFC 9110: strong comparison, so weak
 * tags never match; {@code *} matches any existing version; a list matches any of its tags.
 */
final class IfMatch {

    private IfMatch() {
    }

    /** Fails with 428 when the header is absent: updates without a version could overwrite unseen changes. */
    static LongPredicate parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IncidentRuleException(Kind.PRECONDITION_REQUIRED, "If-Match required",
                    "Send the ETag of the incident you read in an If-Match header, so that an update you have not seen is not overwritten");
        }
        if (header.strip().equals("*")) {
            return version -> true;
        }
        Set<Long> versions = Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(tag -> tag.matches("\"\\d{1,18}\""))
                .map(tag -> Long.valueOf(tag.substring(1, tag.length() - 1)))
                .collect(Collectors.toSet());
        return versions::contains;
    }
}
