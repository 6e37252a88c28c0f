package io.casework.notifications.mail;

/** What an SLA warning or breach mail to staff shows (English, times in UTC). */
public record SlaMail(
        boolean breached,
        String caseReference,
        String subject,
        String organization,
        String product,
        String priority,
        String metric,
        String target,
        String dueAt,
        String remaining,
        String assignee,
        String caseUrl) {
}
