package io.casework.notifications.domain;

public enum DeliveryStatus {
    /** The SMTP server accepted the mail. */
    SENT,
    /** The last attempt failed; the event is retried, and a later success turns the row to SENT. */
    FAILED,
    /** The SMTP server refused the recipient for good (5.1.x, 550): final, never retried. */
    REJECTED,
    /** Every retry failed: the event is parked until ops retry the delivery. */
    DEAD;

    /** Nothing more will be sent for this (event, recipient) by itself. */
    public boolean settled() {
        return this == SENT || this == REJECTED;
    }
}
