package io.casework.sla.rest;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.casework.sla.service.Precondition;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** ETags of plan revisions ({@code "3"}) and the conditional headers that quote them back. */
final class EntityTags {

    /** A strong tag of digits; weak tags never match If-Match (RFC 9110 §13.1.1: strong comparison). */
    private static final Pattern STRONG_REVISION = Pattern.compile("(?<!W/)\"(\\d{1,18})\"");

    private EntityTags() {
    }

    /**
     * The answer of {@code Request.evaluatePreconditions}: 304 as it is, a failed If-Match as a 412 problem like every
     * other refusal (JAX-RS builds it without a body).
     */
    static Response unlessRefused(Response.ResponseBuilder precondition) {
        Response response = precondition.build();
        if (response.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            throw HttpProblem.valueOf(Response.Status.PRECONDITION_FAILED, "If-Match does not match the current ETag");
        }
        return response;
    }

    static EntityTag ofVersion(long version) {
        return new EntityTag(Long.toString(version));
    }

    static Precondition precondition(String ifMatch, String ifNoneMatch) {
        boolean ifNoneMatchAny = ifNoneMatch != null && ifNoneMatch.trim().equals("*");
        if (ifMatch == null || ifMatch.isBlank()) {
            return new Precondition(null, false, ifNoneMatchAny);
        }
        if (ifMatch.trim().equals("*")) {
            return new Precondition(null, true, ifNoneMatchAny);
        }
        Set<Long> versions = new HashSet<>();
        Matcher tags = STRONG_REVISION.matcher(ifMatch);
        while (tags.find()) {
            versions.add(Long.parseLong(tags.group(1)));
        }
        // Tags that are not our revisions stay unmatched, which answers 412 rather than ignoring the header.
        return new Precondition(Set.copyOf(versions), false, ifNoneMatchAny);
    }
}
