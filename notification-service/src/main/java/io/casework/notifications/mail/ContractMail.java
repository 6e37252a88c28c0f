package io.casework.notifications.mail;

/**
 * What a maintenance-contract mail to an organization's admins shows (English: organizations carry no language).
 * Dates are ISO dates, or null when the event did not carry them.
 */
public record ContractMail(
        boolean renewed,
        String organization,
        String contractEnd,
        String previousContractEnd,
        int cases,
        String salesEmail) {
}
