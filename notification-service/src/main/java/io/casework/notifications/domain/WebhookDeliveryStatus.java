package io.casework.notifications.domain;

/** Where one webhook delivery stands. */
public enum WebhookDeliveryStatus {
    /** Not attempted yet. */
    PENDING,
    /** The endpoint answered 2xx. */
    SUCCEEDED,
    /** The last attempt failed; another follows at nextAttemptAt. */
    FAILED,
    /** Every attempt failed; no more are made. */
    DEAD
}
