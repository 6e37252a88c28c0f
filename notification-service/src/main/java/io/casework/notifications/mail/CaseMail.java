package io.casework.notifications.mail;

/** What a mail about a case shows of it. */
public record CaseMail(String number, String subject, String product, String priority) {
}
