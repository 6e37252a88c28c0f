package io.casework.cases.domain;

/** A comment is public (the customer sees it) or an internal note (staff only, never mailed out). */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
