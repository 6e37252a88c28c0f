package io.casework.cases.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The name an attachment is stored and offered for download under. Browsers, mail clients and
 * operating systems each mistreat some names, so a client's name is reduced to a plain file name that is
 * safe everywhere: no directories, no control or invisible formatting characters (a right-to-left
 * override can disguise {@code exe.pdf} as {@code fdp.exe}), none of the characters Windows reserves, at
 * most {@value #MAX_LENGTH} characters, extension kept.
 */
public final class AttachmentFilename {

    public static final int MAX_LENGTH = 255;
    public static final String FALLBACK = "attachment";

    /** Longest tail (dot included) still treated as an extension worth keeping when a name is shortened. */
    private static final int MAX_EXTENSION = 16;
    private static final String RESERVED = "<>:\"|?*";
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private AttachmentFilename() {
    }

    public static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (!invisible(cp)) {
                kept.appendCodePoint(RESERVED.indexOf(cp) >= 0 ? '_' : cp);
            }
        });
        name = trim(kept.toString());
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        if (DEVICE_NAMES.contains(stem)) {
            name = "_" + name;
        }
        return shorten(name);
    }

    private static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** Leading and trailing blanks, trailing dots (Windows drops them), and names that are only dots go. */
    private static String trim(String name) {
        String trimmed = name.strip();
        int end = trimmed.length();
        while (end > 0 && (trimmed.charAt(end - 1) == '.' || Character.isWhitespace(trimmed.charAt(end - 1)))) {
            end--;
        }
        return trimmed.substring(0, end);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        String shortened = trim(base.substring(0, base.offsetByCodePoints(0, keep)));
        return (shortened.isEmpty() ? FALLBACK : shortened) + extension;
    }
}
