package io.casework.cases.reliability;

import io.casework.testsupport.fuzz.ApiOperations.Operation;

/** Path values that exist, so that generated requests get past the lookup to the validation behind it. */
record CaseFuzzValues(String caseId, String attachmentId) {

    String path(Operation op, String name) {
        return switch (name) {
            case "id" -> op.path().startsWith("/api/v1/organizations") ? "acme" : caseId;
            case "attachmentId" -> attachmentId;
            case "email" -> "bob@acme.example";
            default -> null;
        };
    }
}
