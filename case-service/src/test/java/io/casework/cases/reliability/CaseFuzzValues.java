package io.casework.cases.reliability;

import io.casework.testsupport.fuzz.ApiOperations.Operation;

/** Path values that exist, so that generated requests get past the lookup to the validation behind it. */
record CaseFuzzValues(String organization, String caseId, String attachmentId) {

    String path(Operation op, String name) {
        return switch (name) {
            case "id" -> op.path().startsWith("/api/v1/organizations") ? organization : caseId;
            case "attachmentId" -> attachmentId;
            case "email" -> "someone@" + organization + ".example";
            default -> null;
        };
    }
}
