package io.casework.status.domain;

/** What customers experience, as the Google status dashboard's {@code status_impact} names it. */
public enum Impact {
    INFORMATION("SERVICE_INFORMATION"),
    DISRUPTION("SERVICE_DISRUPTION"),
    OUTAGE("SERVICE_OUTAGE");

    private final String dashboardName;

    Impact(String dashboardName) {
        this.dashboardName = dashboardName;
    }

    public String dashboardName() {
        return dashboardName;
    }

    /** When the publisher does not say: what the severity usually means for users. */
    public static Impact typicalOf(Severity severity) {
        return switch (severity) {
            case LOW, MEDIUM -> DISRUPTION;
            case HIGH, CRITICAL -> OUTAGE;
        };
    }
}
