package io.casework.sla.rest;

import io.casework.testsupport.fuzz.ApiOperations.Operation;

/**
 * Path values for generated requests: a calendar that exists (so that requests get past the lookup) and a plan and
 * an override date of the fuzz test's own, so that an accepted write disturbs no other test.
 */
final class SlaFuzzValues {

    private SlaFuzzValues() {
    }

    static String path(Operation op, String name) {
        return switch (name) {
            case "id" -> op.path().contains("/plans/") ? "fuzz-plan" : "americas";
            case "date" -> "2091-03-14";
            default -> null;
        };
    }
}
