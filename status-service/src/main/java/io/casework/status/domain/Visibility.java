package io.casework.status.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may read an incident: anyone (status page, feeds), or signed-in users only (support center known issues). */
@Schema(name = "IncidentVisibility") // case-service has a Visibility too, in the merged OpenAPI document
public enum Visibility {
    PUBLIC,
    CUSTOMERS
}
