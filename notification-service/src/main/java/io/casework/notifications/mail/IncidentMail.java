package io.casework.notifications.mail;

import java.util.List;

/** What a known-issue mail to a subscriber shows (English only, seed 002). */
public record IncidentMail(
        String number,
        String title,
        String headline,
        String state,
        String severity,
        String impact,
        List<String> affectedProducts,
        String message,
        /** The incident report's address; null but in the report mail (and there when the report has one). */
        String reportUrl,
        String unsubscribeLink) {
}
