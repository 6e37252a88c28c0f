package io.casework.cases.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a case reached support. */
@Schema(name = "CaseChannel") // sla-service has a Channel too, in the merged OpenAPI document
public enum Channel {
    PORTAL,
    EMAIL,
    PHONE,
    CHAT,
    PARTNER_API
}
