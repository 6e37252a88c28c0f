package io.casework.status.domain;

/** Who may read an incident: anyone (status page, feeds), or signed-in users only (support center known issues). */
public enum Visibility {
    PUBLIC,
    CUSTOMERS
}
