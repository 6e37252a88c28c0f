package io.casework.notifications.domain;

public enum DeliveryStatus {
    /** The SMTP server accepted the mail. */
    SENT,
    /** The last attempt failed; the event is retried, and a later success turns the row to SENT. */
    FAILED
}
