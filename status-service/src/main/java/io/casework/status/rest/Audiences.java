package io.casework.status.rest;

import io.casework.rest.CallerFactory;
import io.casework.status.domain.Audience;

/** The audience of a request on a public endpoint: anyone without a token; a token shows customers-only incidents, a publisher's drafts too. */
final class Audiences {

    private Audiences() {
    }

    static Audience of(CallerFactory callers) {
        if (callers.anonymous()) {
            return Audience.ANYONE;
        }
        return callers.hasRole("status-publisher") || callers.hasRole("ops") ? Audience.PUBLISHERS : Audience.SIGNED_IN;
    }
}
