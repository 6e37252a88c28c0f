package io.casework.sla.domain.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.casework.sla.domain.calendar.Calendars;

/**
 * Which team answers chat and phone in each language, on which calendar (seeds 000/001: chat in English 24/7,
 * Spanish Mon–Fri 06:00–21:00 Pacific, Japanese Mon–Fri 09:00–18:00 JST; phone "in 14 languages").
 * <p>
 * The seeds name neither the 14 phone languages nor phone hours. Assumption (docs/sla.md): phone in English runs
 * 24/7 like English chat (seed 003's answering service takes calls after hours); Spanish and Japanese phone are
 * answered by the same desks as their chat; every other language by the regional team whose region speaks it
 * (seed 000: the support providers speak many languages and sit in several regions), on that region's business
 * calendar with its holidays.
 */
public final class Coverage {

    private static final String CHAT_SOURCE = "seeds 000/001";
    private static final String PHONE_ASSUMED = "assumption: seeds 000/001 name neither the 14 phone languages nor their hours";

    public static final List<CoverageLine> LINES;

    static {
        List<CoverageLine> lines = new ArrayList<>();
        lines.add(new CoverageLine(Channel.CHAT, "en", "English", "global-en", Calendars.ROUND_THE_CLOCK, "24/7", CHAT_SOURCE));
        lines.add(new CoverageLine(Channel.CHAT, "es", "Spanish", "es-pacific", Calendars.CHAT_ES.id(),
                "Monday–Friday 06:00–21:00 America/Los_Angeles", CHAT_SOURCE));
        lines.add(new CoverageLine(Channel.CHAT, "ja", "Japanese", "ja-tokyo", Calendars.CHAT_JA.id(),
                "Monday–Friday 09:00–18:00 Asia/Tokyo", CHAT_SOURCE));
        lines.add(new CoverageLine(Channel.PHONE, "en", "English", "global-en", Calendars.ROUND_THE_CLOCK, "24/7",
                PHONE_ASSUMED));
        lines.add(new CoverageLine(Channel.PHONE, "es", "Spanish", "es-pacific", Calendars.CHAT_ES.id(),
                "Monday–Friday 06:00–21:00 America/Los_Angeles", PHONE_ASSUMED));
        lines.add(new CoverageLine(Channel.PHONE, "ja", "Japanese", "ja-tokyo", Calendars.CHAT_JA.id(),
                "Monday–Friday 09:00–18:00 Asia/Tokyo", PHONE_ASSUMED));
        regional(lines, "emea", "Monday–Friday 08:00–17:00 Europe/London, UK bank holidays", "fr", "French", "de",
                "German", "it", "Italian", "nl", "Dutch", "pt", "Portuguese", "pl", "Polish", "ru", "Russian", "tr",
                "Turkish");
        regional(lines, "apj", "Monday–Friday 09:00–18:00 Asia/Singapore, Singapore holidays", "zh", "Chinese", "ko",
                "Korean");
        regional(lines, "israel", "Sunday–Thursday 09:00–18:00 Asia/Jerusalem, Israeli holidays", "he", "Hebrew");
        LINES = List.copyOf(lines);
    }

    private Coverage() {
    }

    private static void regional(List<CoverageLine> lines, String region, String hours, String... languages) {
        for (int i = 0; i < languages.length; i += 2) {
            lines.add(new CoverageLine(Channel.PHONE, languages[i], languages[i + 1], region, region, hours,
                    PHONE_ASSUMED));
        }
    }

    /**
     * The line for a channel and a language tag ({@code ja}, {@code es-MX}: the primary subtag counts).
     *
     * @throws UnknownCoverageException when that channel is not offered in that language
     */
    public static CoverageLine line(Channel channel, String languageTag) {
        String language = primary(languageTag);
        Optional<CoverageLine> line = LINES.stream()
                .filter(l -> l.channel() == channel && l.language().equals(language)).findFirst();
        return line.orElseThrow(() -> new UnknownCoverageException(channel.id() + " support is not offered in '"
                + languageTag + "'; languages: " + languages(channel)));
    }

    public static List<CoverageLine> lines(Channel channel) {
        return LINES.stream().filter(l -> l.channel() == channel).toList();
    }

    private static String languages(Channel channel) {
        return lines(channel).stream().map(CoverageLine::language).collect(Collectors.joining(", "));
    }

    private static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String trimmed = tag.trim();
        int dash = trimmed.indexOf('-');
        return (dash < 0 ? trimmed : trimmed.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
