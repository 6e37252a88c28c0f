package io.casework.notifications.domain;

public enum DeliveryStatus {
    /** Recorded with the event, rendered; the sender sends it when it is due. */
    PENDING,
    /** An attempt is in progress (recorded before the SMTP conversation); a lease ends it should the sender die. */
    SENDING,
    /** The SMTP server accepted the mail. */
    SENT,
    /** The last attempt failed; the sender tries again with backoff, and a later success turns the row to SENT. */
    FAILED,
    /** The SMTP server refused the recipient for good (5.1.x, 550): final, never retried. */
    REJECTED,
    /** Every retry failed: the delivery waits for ops to retry it. */
    DEAD,
    /** About a test (sandbox) case: recorded as usual, but never sent and its body never kept. Final. */
    SUPPRESSED;

    /** Nothing more will be sent for this (event, recipient) by itself. */
    public boolean settled() {
        return this == SENT || this == REJECTED || this == SUPPRESSED;
    }
}
