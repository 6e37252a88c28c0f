package io.casework.cases.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment is public (the customer sees it) or an internal note (staff only, never mailed out). */
@Schema(name = "CommentVisibility") // status-service has a Visibility too, in the merged OpenAPI document
public enum Visibility {
    PUBLIC,
    INTERNAL
}
