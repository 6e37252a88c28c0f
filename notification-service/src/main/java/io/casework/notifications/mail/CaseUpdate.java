package io.casework.notifications.mail;

import java.util.List;

/**
 * The body of a mail about a change to a case, already in the recipient's language: an opening sentence,
 * detail lines, an optional quoted text (a comment, a resolution note) and an optional link with its invitation.
 */
public record CaseUpdate(String intro, List<String> details, String quote, String linkIntro, String link) {
}
