package io.casework.sla.domain.calendar;

/** Where a special date comes from. */
public enum HolidaySource {
    /** National rules (Jollyday, or the Hebrew calendar for Israel). */
    NATIONAL,
    /** The company's own dates (seed 003). */
    COMPANY,
    /** An administrator's date override. */
    OVERRIDE
}
