package io.casework.sla.domain.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/** An administrator's exception to a calendar's rules for one date; hours only for SHORTENED and WORKING. */
public record DateOverride(LocalDate date, OverrideKind kind, LocalTime opens, LocalTime closes, String reason) {

    public DateOverride {
        if (date == null || kind == null) {
            throw new IllegalArgumentException("An override needs a date and a kind");
        }
        if (kind == OverrideKind.CLOSED && (opens != null || closes != null)) {
            throw new IllegalArgumentException("A CLOSED day has no opening hours");
        }
        if (kind == OverrideKind.SHORTENED && (opens == null || closes == null)) {
            throw new IllegalArgumentException("A SHORTENED day needs opens and closes");
        }
        if ((opens == null) != (closes == null)) {
            throw new IllegalArgumentException("Give both opens and closes, or neither");
        }
        if (opens != null && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("opens must be before closes on the same day");
        }
    }
}
