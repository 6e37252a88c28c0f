package io.casework.notifications.mail;

/** A rendered mail, ready to send: subject line, plain-text body and HTML body. */
public record ComposedMail(String subject, String text, String html) {
}
