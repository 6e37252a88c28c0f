package io.casework.cases.rest;

/** The OpenAPI words for Idempotency-Key, the same on every POST that creates something (docs/cases.md). */
final class IdempotencyApi {

    static final String KEY = "Optional; unique per logical request (e.g. a UUID), 1 to 255 characters. A retry with the "
            + "same key and request gets the first answer (header Idempotent-Replayed: true) instead of creating again; "
            + "the same key with another body or on another path is 422. Keys are per caller.";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String REPLAYED_DESCRIPTION = "true when an earlier request with the same Idempotency-Key created "
            + "what this answer shows (as it is now)";
    static final String REUSED = "Idempotency-Key reused with a different request (another body or another path); "
            + "nothing is written";
    static final String BAD_KEY = "Invalid request (the problem lists every violation), or an Idempotency-Key that is "
            + "blank or longer than 255 characters; nothing is written";

    private IdempotencyApi() {
    }
}
