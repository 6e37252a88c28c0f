package io.casework.cases.domain;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One canonical level, two naming schemes (P1..P4 and Critical..Minor); the API accepts both. */
@Schema(name = "Priority", type = SchemaType.STRING, description = "Either scheme: P1..P4 or CRITICAL, SEVERE, MODERATE, "
        + "MINOR (the same four levels); answers carry both as priority and severity",
        enumeration = { "P1", "P2", "P3", "P4", "CRITICAL", "SEVERE", "MODERATE", "MINOR" })
public enum Priority {
    P1("CRITICAL"),
    P2("SEVERE"),
    P3("MODERATE"),
    P4("MINOR");

    private final String severity;

    Priority(String severity) {
        this.severity = severity;
    }

    public int level() {
        return ordinal() + 1;
    }

    public String severity() {
        return severity;
    }

    @JsonValue
    public String code() {
        return name();
    }

    /** Parses either scheme, case-insensitively; anything else is an error, never a default. */
    @JsonCreator
    public static Priority parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.name().equals(normalized) || p.severity.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown priority '" + value + "': use P1..P4 or CRITICAL, SEVERE, MODERATE, MINOR"));
    }
}
