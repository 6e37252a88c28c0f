package io.casework.notifications.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages mails are written in. */
public enum Language {
    EN,
    FR,
    NL;

    public static final Language DEFAULT = EN;

    /** ISO 639-1 code, as stored and as carried by events and the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The supported language with this ISO 639-1 code (a region suffix such as fr-BE is ignored). */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String language = code.trim().split("[-_]", 2)[0];
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(language)).findFirst();
    }

    /** The language to write to someone who speaks {@code code}: that one when supported, else English. */
    public static Language forMail(String code) {
        return of(code).orElse(DEFAULT);
    }
}
