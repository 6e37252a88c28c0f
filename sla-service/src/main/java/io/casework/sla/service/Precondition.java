package io.casework.sla.service;

import java.util.Set;

/**
 * What a client's conditional headers (RFC 9110 §13.1) demand of a plan's current revision.
 *
 * @param ifMatch null when If-Match was absent; else the strong revisions it names
 * @param ifMatchAny If-Match: * (the plan must exist, any revision)
 * @param ifNoneMatchAny If-None-Match: * (create only: the plan must not exist)
 */
public record Precondition(Set<Long> ifMatch, boolean ifMatchAny, boolean ifNoneMatchAny) {

    public static final Precondition NONE = new Precondition(null, false, false);

    public boolean hasIfMatch() {
        return ifMatch != null || ifMatchAny;
    }

    public boolean matches(long version) {
        return ifMatchAny || (ifMatch != null && ifMatch.contains(version));
    }
}
