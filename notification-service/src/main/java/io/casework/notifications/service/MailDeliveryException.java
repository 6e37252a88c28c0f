package io.casework.notifications.service;

/** The SMTP server did not take a mail; the event that caused it is to be retried. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
