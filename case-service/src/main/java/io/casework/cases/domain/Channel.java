package io.casework.cases.domain;

/** How a case reached support. */
public enum Channel {
    PORTAL,
    EMAIL,
    PHONE,
    CHAT,
    PARTNER_API
}
