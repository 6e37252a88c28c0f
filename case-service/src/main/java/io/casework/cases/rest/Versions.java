package io.casework.cases.rest;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.domain.CaseRuleException.Kind;
import jakarta.ws.rs.core.EntityTag;

/** ETag / If-Match: the case's version is its entity tag. */
final class Versions {

    private Versions() {
    }

    static EntityTag etag(Case supportCase) {
        return new EntityTag(Long.toString(supportCase.version));
    }

    /** The version named by If-Match, required. */
    static long required(String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new CaseRuleException(Kind.PRECONDITION_REQUIRED, "If-Match required",
                    "Send the ETag of the case you read in an If-Match header, so a concurrent change is not overwritten");
        }
        return version;
    }

    /** The version named by If-Match, or null when the header is absent. */
    static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CaseRuleException(Kind.PRECONDITION_FAILED, "Unknown entity tag",
                    "If-Match " + ifMatch + " is not an ETag of this case");
        }
    }
}
