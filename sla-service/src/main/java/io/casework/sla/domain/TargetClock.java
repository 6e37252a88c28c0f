package io.casework.sla.domain;

/** The clock a target's duration is measured on. */
public enum TargetClock {
    /** 24/7: every hour counts; a day is 24 hours. */
    ALWAYS,
    /** The business hours of a calendar (the organization's region, else the plan's); a day is one working day. */
    BUSINESS_HOURS
}
