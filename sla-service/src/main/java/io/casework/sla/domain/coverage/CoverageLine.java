package io.casework.sla.domain.coverage;

/**
 * Who answers one channel in one language, and when: the team and the business calendar of its hours.
 *
 * @param language ISO 639-1 code
 * @param hours    the hours as a person would say them
 * @param source   where the hours come from (a seed, or the documented assumption)
 */
public record CoverageLine(Channel channel, String language, String languageName, String team, String calendarId,
        String hours, String source) {
}
