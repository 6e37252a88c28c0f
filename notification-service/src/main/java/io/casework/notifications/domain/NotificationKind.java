package io.casework.notifications.domain;

/** What a mail is about; one template pair (text and HTML) per kind. */
public enum NotificationKind {
    /** Receipt for a newly filed case: number, priority, and that the first-response target follows. */
    CASE_OPENED
}
