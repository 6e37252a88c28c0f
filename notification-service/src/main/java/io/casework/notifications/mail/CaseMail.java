package io.casework.notifications.mail;

/** What a mail about a case shows of it; {@code url} is where the recipient opens the case (casework.notifications.case-url). */
public record CaseMail(String number, String subject, String product, String priority, String url) {
}
