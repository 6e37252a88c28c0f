package io.casework.sla.rest;

import io.casework.testsupport.fuzz.ApiOperations.Operation;

/** Path values that exist in a fresh sla-service database, so that requests get past the lookup. */
final class SlaFuzzValues {

    private SlaFuzzValues() {
    }

    static String path(Operation op, String name) {
        return switch (name) {
            case "id" -> op.path().contains("/plans/") ? "premier" : "americas";
            case "date" -> "2026-11-25";
            default -> null;
        };
    }
}
