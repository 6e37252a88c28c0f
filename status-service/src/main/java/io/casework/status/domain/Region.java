package io.casework.status.domain;

/** Support regions (seed 003), each with its own business calendar in sla-service. */
public enum Region {
    APJ("Asia Pacific and Japan"),
    ISRAEL("Israel"),
    EMEA("Europe, Middle East and Africa"),
    AMERICAS("Americas");

    private final String title;

    Region(String title) {
        this.title = title;
    }

    /** As status pages show a location. */
    public String title() {
        return title;
    }
}
