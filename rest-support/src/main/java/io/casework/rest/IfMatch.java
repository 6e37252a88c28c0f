package io.casework.rest;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * The conditional headers of an update (RFC 9110 §13.1) against a resource whose version number is its ETag
 * ({@code "3"}). If-Match uses the strong comparison: weak tags never match, nor do tags that are not versions of
 * ours (which answers 412 rather than ignoring the header); {@code *} matches any existing version, a list any of its
 * tags. If-None-Match: {@code *} asks to create only.
 */
public final class IfMatch {

    /** No conditional header. */
    public static final IfMatch NONE = new IfMatch(null, false, false, null);

    private static final Pattern STRONG_VERSION = Pattern.compile("(?<![Ww]/)\"(\\d{1,18})\"");

    private final Set<Long> versions;
    private final boolean any;
    private final boolean createOnly;
    private final String header;

    private IfMatch(Set<Long> versions, boolean any, boolean createOnly, String header) {
        this.versions = versions;
        this.any = any;
        this.createOnly = createOnly;
        this.header = header;
    }

    /** The If-Match header as received (null when absent). */
    public static IfMatch of(String ifMatch) {
        return of(ifMatch, null);
    }

    /** The If-Match and If-None-Match headers as received (either null when absent). */
    public static IfMatch of(String ifMatch, String ifNoneMatch) {
        boolean createOnly = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
        if (ifMatch == null || ifMatch.isBlank()) {
            return createOnly ? new IfMatch(null, false, true, null) : NONE;
        }
        if (ifMatch.strip().equals("*")) {
            return new IfMatch(Set.of(), true, createOnly, ifMatch);
        }
        Set<Long> versions = new HashSet<>();
        Matcher tags = STRONG_VERSION.matcher(ifMatch);
        while (tags.find()) {
            versions.add(Long.parseLong(tags.group(1)));
        }
        return new IfMatch(Set.copyOf(versions), false, createOnly, ifMatch);
    }

    /** The ETag of a version. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The answer of {@code Request.evaluatePreconditions} when it has one: 304 Not Modified as it is, a failed If-Match
     * as a 412 problem like every other refusal (JAX-RS builds that 412 without a body).
     */
    public static Response.ResponseBuilder unlessRefused(Response.ResponseBuilder evaluated, String detail) {
        if (evaluated.build().getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            throw HttpProblem.valueOf(Response.Status.PRECONDITION_FAILED, detail);
        }
        return evaluated;
    }

    /** True when If-Match was sent. */
    public boolean present() {
        return versions != null;
    }

    /** True when If-Match was sent and names {@code version} (or is {@code *}). */
    public boolean matches(long version) {
        return any || (versions != null && versions.contains(version));
    }

    /** True unless If-Match was sent and does not name {@code version}: the precondition of an optional If-Match. */
    public boolean allows(long version) {
        return !present() || matches(version);
    }

    /** If-None-Match: * (create, never replace). */
    public boolean createOnly() {
        return createOnly;
    }

    /** The header as received, for messages; null when absent. */
    public String header() {
        return header;
    }

    /**
     * This precondition, or 428 Precondition Required (problem+json) when If-Match is absent: an update without a
     * version could overwrite a change the client has not seen.
     */
    public IfMatch required(String resource) {
        if (!present()) {
            throw HttpProblem.builder()
                    .withStatus(428)
                    .withTitle("If-Match required")
                    .withDetail("Send the ETag of the " + resource + " you read in an If-Match header, so that a change you "
                            + "have not seen is not overwritten")
                    .build();
        }
        return this;
    }

    @Override
    public String toString() {
        return header == null ? "(no If-Match)" : "If-Match " + header;
    }
}
