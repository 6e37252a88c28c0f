package io.casework.sla.domain.calendar;

/** An instant or deadline outside the years a calendar is compiled for. */
public class OutsideCalendarRangeException extends IllegalArgumentException {

    public OutsideCalendarRangeException(String calendarId) {
        super((calendarId == null ? "Business calendars cover " : "Calendar " + calendarId + " covers ")
                + BusinessCalendar.FIRST_YEAR + "-01-01 to " + (BusinessCalendar.LAST_YEAR + 1)
                + "-01-01 in the calendar's time zone; the instant or the deadline lies outside");
    }
}
